// The search index as one object with Pagefind's search() and filters(), whether the site's
// bundle is one Pagefind index or several shards (listed in shards.json; see
// generator/search_shards.py). Each shard is its own Pagefind instance (its own pagefind.js,
// so its own module); this merges what they find:
//
// - by relevance: every shard's results by score, ties in shard order (Pagefind's mergeIndex
//   does the same, but it also orders sorted searches by score, which loses the date order);
// - by date: every shard's date-sorted results merged by date. Every dated page carries its
//   day once as the "order" filter, so a shard's sorted results take their days from the
//   "order" counts Pagefind returns with them, without loading one result; if the counts do
//   not add up, the days are read from the results.

export async function openIndex(bundle, options) {
  const folders = await shardFolders(bundle);
  const shards = await Promise.all(
    folders.map(async (folder) => {
      const pagefind = await import(bundle + folder + "pagefind.js");
      await pagefind.options(options);
      return pagefind;
    }),
  );
  if (shards.length === 1) return shards[0];
  return {
    search: (term, options = {}) => search(shards, term, options),
    filters: async () => mergeCounts(await Promise.all(shards.map((s) => s.filters()))),
  };
}

async function shardFolders(bundle) {
  try {
    const response = await fetch(bundle + "shards.json");
    if (response.ok) return (await response.json()).shards.map((shard) => shard.folder);
  } catch {
    // no manifest: one bundle, as Pagefind makes it
  }
  return [""];
}

async function search(shards, term, options) {
  const found = await Promise.all(shards.map((s) => s.search(term, options)));
  const direction = options.sort && options.sort.date;
  const results = direction
    ? await byDate(found, direction === "asc" ? 1 : -1)
    : found.flatMap((f) => f.results).sort((a, b) => b.score - a.score);
  return {
    results,
    unfilteredResultCount: found.reduce((sum, f) => sum + f.unfilteredResultCount, 0),
    filters: mergeCounts(found.map((f) => f.filters)),
    totalFilters: mergeCounts(found.map((f) => f.totalFilters)),
  };
}

async function byDate(found, sign) {
  const dated = (await Promise.all(found.map((f) => withDays(f, sign)))).flat();
  // a stable sort: within one day, shard order and then each shard's own order
  dated.sort((a, b) => sign * (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return dated.map((d) => d.result);
}

// [{ day, result }] of one shard's date-sorted results, from its "order" counts.
async function withDays(found, sign) {
  const counts = (found.filters && found.filters.order) || {};
  const days = Object.keys(counts).filter((day) => counts[day] > 0).sort();
  if (sign < 0) days.reverse();
  const total = days.reduce((sum, day) => sum + counts[day], 0);
  if (total !== found.results.length) return readDays(found.results);
  const dated = [];
  for (const day of days) {
    for (let n = 0; n < counts[day]; n++) dated.push({ day, result: found.results[dated.length] });
  }
  return dated;
}

async function readDays(results) {
  const data = await Promise.all(results.map((r) => r.data()));
  return results.map((result, i) => ({ day: (data[i].filters.order || [""])[0], result }));
}

function mergeCounts(all) {
  const merged = {};
  for (const filters of all) {
    for (const [name, values] of Object.entries(filters || {})) {
      merged[name] = merged[name] || {};
      for (const [value, count] of Object.entries(values)) {
        merged[name][value] = (merged[name][value] || 0) + count;
      }
    }
  }
  return merged;
}
