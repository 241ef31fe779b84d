"""What one build leaves for the next: the recorded reads and fingerprints (`state`), the
data-only cache (`cache`, through `plaindata`: reading it can only make values), and the
manifest that answers a build with nothing to do (`manifest`)."""
