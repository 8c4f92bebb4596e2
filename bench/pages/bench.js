// One engine in one page: bench.html?engine=dateline|minisearch|flexsearch|pagefind&n=10000
// Loads the corpus, builds (or opens) the index, then sets window.__ready.
// run.mjs calls window.__search(keystroke) per keystroke; every call is timed
// here with performance.now(), so the CDP round trip is not counted.

const params = new URLSearchParams(location.search);
const engine = params.get('engine');
const n = params.get('n');
const data = `/.cache/corpus-${n}`;

// A keystroke is { text, country?, topic? }. Only Dateline understands quoted
// phrases; the peers get the words (quotes dropped) ANDed.
const plain = (text) => text.replace(/["“”„]/g, ' ');

const adapters = {
  // The harness alone: the renderer-memory baseline.
  async blank() {
    return { count: 0, details: {}, search: () => 0 };
  },

  async dateline() {
    const mod = await import('/engine/pkg/dateline_bench_engine.js');
    const wasm = await mod.default({ module_or_path: '/engine/pkg/dateline_bench_engine_bg.wasm' });
    const get = async (f) => new Uint8Array(await (await fetch(`${data}/pack/${f}`)).arrayBuffer());
    const files = await Promise.all(['l/0.bin', 'index.bin'].map(get));
    const t0 = performance.now();
    const count = mod.load_packed(...files);
    const readyAt = performance.now();
    const loadMs = readyAt - t0;
    // Every piece of the postings and the word positions, as the in-memory
    // engine had them.
    const names = mod.piece_files();
    const pieces = await Promise.all(names.map(get));
    pieces.forEach((bytes, i) => {
      if (!mod.add_piece(names[i], bytes)) throw new Error(`${names[i]} does not fit`);
    });
    files.push(...pieces);
    // The yardstick: JSON.parse of the same records, in this page.
    const json = await (await fetch(`${data}/records.json`)).text();
    const t1 = performance.now();
    const parsed = JSON.parse(json);
    const jsonParseMs = performance.now() - t1;
    if (parsed.length !== count) throw new Error(`packed ${count} vs ${parsed.length} records`);
    return {
      count,
      readyAt,
      details: { decodeMs: loadMs, jsonParseMs, packedBytes: files.reduce((s, f) => s + f.length, 0) },
      wasmBytes: () => wasm.memory.buffer.byteLength,
      search(k) {
        let qs = `q=${encodeURIComponent(k.text)}`;
        if (k.country) qs += `&country=${k.country}`;
        if (k.topic) qs += `&topic=${k.topic}`;
        return mod.search(qs);
      },
    };
  },

  async minisearch() {
    const { default: MiniSearch } = await import('/node_modules/minisearch/dist/es/index.js');
    const docs = await (await fetch(`${data}/docs.json`)).json();
    const t0 = performance.now();
    const ms = new MiniSearch({
      fields: ['title', 'body'],
      storeFields: ['country', 'topic'],
      searchOptions: {
        boost: { title: 3 },
        combineWith: 'AND',
        // As Dateline: the word being typed is a prefix, words of 5+ letters forgive one typo.
        prefix: (term, i, terms) => i === terms.length - 1,
        fuzzy: (term) => (term.length >= 5 ? 1 : false),
      },
    });
    ms.addAll(docs);
    const buildMs = performance.now() - t0;
    return {
      count: ms.documentCount,
      details: { buildMs },
      search(k) {
        const opts = {};
        if (k.country || k.topic) {
          opts.filter = (r) =>
            (!k.country || r.country.includes(k.country)) && (!k.topic || r.topic.includes(k.topic));
        }
        return ms.search(plain(k.text), opts).length;
      },
    };
  },

  async flexsearch() {
    const { default: FlexSearch } = await import('/node_modules/flexsearch/dist/flexsearch.bundle.module.min.js');
    const docs = await (await fetch(`${data}/docs.json`)).json();
    const t0 = performance.now();
    // 0.7 documents take one tag field: facets go in as "country:IR", "topic:drugs".
    const index = new FlexSearch.Document({
      tokenize: 'forward',
      document: { id: 'id', index: ['title', 'body'], tag: 'tag' },
    });
    for (const d of docs) {
      index.add({
        id: d.id,
        title: d.title,
        body: d.body,
        tag: [...d.country.map((c) => `country:${c}`), ...d.topic.map((t) => `topic:${t}`)],
      });
    }
    const buildMs = performance.now() - t0;
    const all = docs.length;
    return {
      count: all,
      details: { buildMs },
      search(k) {
        const tags = [];
        if (k.country) tags.push(`country:${k.country}`);
        if (k.topic) tags.push(`topic:${k.topic}`);
        // limit = corpus size: every match, as the others return.
        const opts = { index: ['title', 'body'], limit: all };
        if (tags.length) opts.tag = tags.length === 1 ? tags[0] : tags;
        const fields = index.search(plain(k.text), opts);
        const ids = new Set();
        for (const f of fields) for (const id of f.result) ids.add(id);
        return ids.size;
      },
    };
  },

  async pagefind() {
    const base = `${data}/pagefind/`;
    const pagefind = await import(`${base}pagefind.js`);
    await pagefind.options({ basePath: base });
    await pagefind.init();
    return {
      count: null,
      details: {},
      // Async (the search runs in Pagefind's worker): resolved results plus the
      // data of the first 10, what a result list shows. No debounce.
      async search(k) {
        const filters = {};
        if (k.country) filters.country = k.country;
        if (k.topic) filters.topic = k.topic;
        const res = await pagefind.search(plain(k.text), { filters });
        if (!res) return 0;
        await Promise.all(res.results.slice(0, 10).map((r) => r.data()));
        return res.results.length;
      },
    };
  },
};

window.__search = async (k) => {
  const t0 = performance.now();
  const count = await window.__engine.search(k);
  return { ms: performance.now() - t0, count };
};

window.__wasmBytes = () => (window.__engine?.wasmBytes ? window.__engine.wasmBytes() : 0);

(async () => {
  try {
    window.__engine = await adapters[engine]();
    window.__ready = {
      // Engines that do more after being ready (the JSON.parse yardstick) say when.
      readyMs: window.__engine.readyAt ?? performance.now(),
      count: window.__engine.count,
      details: window.__engine.details,
    };
  } catch (e) {
    window.__ready = { error: String(e && e.stack ? e.stack : e) };
  }
})();
