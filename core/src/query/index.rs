//! The index over a corpus of releases and the search that runs on every keystroke.
//!
//! One search is: text clauses → sorted (doc, score) list (or every document
//! when there is no text), then a single pass that checks the date range and
//! the facet selections (bitsets) and tallies facet counts, then a sort.

use std::collections::HashMap;

use super::date_order::DateOrder;
use super::facets::{Counter, DocSet, Entry, FacetBuilder, FacetCounts, FacetIndex, ValueInfo};
use super::filter::{Facet, Filter, Sort};
use super::histogram::{date_bounds, histogram, histogram_between, Histogram, Zoom};
use super::inverted::{Builder, DocWords, Inverted, Piece, PieceSizes, Stream, HELD_PIECE_BYTES};
use super::search;

use crate::date::PartialDate;
use crate::model::{Organisation, Release};
use crate::text::{slug, slug_to_words};

/// Title words count this many times a body word.
const TITLE_WEIGHT: u16 = 3;

/// What a search returns. `Eq`, so that an `Rc` of it compares by pointer
/// first (a million hits are not compared per render).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Results {
    /// Indices into the releases given to `Index::new`, in result order.
    pub hits: Vec<u32>,
    pub total: usize,
    pub facets: FacetCounts,
    pub histogram: Histogram,
    /// Normal forms of the indexed words that matched the text (the words
    /// typed, their completions and corrections): pass to `highlight`.
    pub terms: Vec<String>,
    /// Whether some facet's counts wait for its relation (`f/<facet>.bin`):
    /// counts over a narrowed set need it, those over the whole corpus do not.
    pub counting: bool,
}

/// Its file form (`index.bin`, `p/<k>.bin`) is in `pack::index_file`.
pub struct Index {
    pub(crate) text: Inverted,
    pub(crate) facets: [FacetIndex; 6],
    /// `yyyymmdd` per document, 0 when undated.
    pub(crate) dates: Vec<u32>,
    /// Dated documents newest first (ties: corpus order).
    pub(crate) order: DateOrder,
}

/// Builds an [`Index`] from releases given one at a time, in document
/// order, so that a corpus larger than memory is indexed as it is read back
/// (`dateline pack`).
#[derive(Default)]
pub struct IndexBuilder {
    text: Builder,
    facets: [FacetBuilder; 6],
    dates: Vec<u32>,
    piece_sizes: PieceSizes,
}

/// What the index takes from one release: its words, its facets' values and
/// its date, made without the builder, so that `dateline pack` makes the
/// next releases' on another core while the builder adds these.
pub struct IndexedDoc {
    words: DocWords,
    entries: [Vec<Entry>; 6],
    date: u32,
}

impl IndexedDoc {
    /// `aliases`: the acronyms that the corpus's organisations take,
    /// learnt from every release in document order ([`Aliases::add`]).
    pub fn of(r: &Release, aliases: &Aliases) -> IndexedDoc {
        IndexedDoc {
            words: doc_words(r),
            entries: Facet::ALL.map(|facet| entries(facet, r, aliases)),
            date: r.date.map_or(0, PartialDate::key),
        }
    }
}

impl IndexBuilder {
    /// Impacts that take `mean_len` rather than the documents' own mean
    /// length (tests: a whole build to compare with one appended to).
    #[cfg(test)]
    pub(crate) fn mean_len(mut self, mean_len: f32) -> IndexBuilder {
        self.text.mean_len = Some(mean_len);
        self
    }

    /// Cuts the postings and the word positions into pieces of `bytes`
    /// rather than their own sizes (tests: many pieces from a small corpus).
    pub fn piece_bytes(mut self, bytes: u32) -> IndexBuilder {
        self.piece_sizes = PieceSizes::all(bytes);
        self
    }

    /// Adds the next document.
    pub fn add(&mut self, doc: IndexedDoc) {
        self.text.add(&doc.words);
        for (builder, entries) in self.facets.iter_mut().zip(&doc.entries) {
            builder.add_doc(entries);
        }
        self.dates.push(doc.date);
    }

    pub fn finish(self) -> Index {
        let text = self.text.finish(self.piece_sizes);
        Index::with_text(text, self.facets, self.dates)
    }

    /// A builder of documents to append to `main` (`dateline add`):
    /// its facets' values and dates continue `main`'s; its text starts
    /// empty. Give it `main`'s appended documents again first, if it has
    /// any, with [`IndexBuilder::add_text`] (their text is rebuilt, the
    /// rest is kept), then the new ones with [`IndexBuilder::add`], and
    /// finish with [`IndexBuilder::finish_appended`]. None unless every
    /// piece of `main`'s dictionary and every facet's relation is here.
    pub fn after(main: &Index) -> Option<IndexBuilder> {
        if !main.text.has_dictionary() {
            return None;
        }
        let mut facets: [FacetBuilder; 6] = Default::default();
        for (builder, index) in facets.iter_mut().zip(&main.facets) {
            *builder = FacetBuilder::from_index(index)?;
        }
        Some(IndexBuilder {
            text: Builder::default(),
            facets,
            dates: main.dates.clone(),
            piece_sizes: PieceSizes::default(),
        })
    }

    /// Adds the text of `main`'s next appended document (see
    /// [`IndexBuilder::after`]), whose facets and date `main` has already.
    pub fn add_text(&mut self, doc: &IndexedDoc) {
        self.text.add(&doc.words);
    }

    /// The index of `main`'s documents and the ones added here (see
    /// [`IndexBuilder::after`]); its pieces are handed to `piece` as
    /// [`IndexBuilder::finish_with`] does: the whole dictionary afresh,
    /// then the appended documents' postings and positions
    /// ([`Stream::AddedPostings`], [`Stream::AddedPositions`]). `main`'s own
    /// postings and positions are not written again.
    pub fn finish_appended<E>(
        self,
        main: &Index,
        piece: impl FnMut(Piece, Vec<u8>) -> Result<(), E>,
    ) -> Result<Index, E> {
        let text = self
            .text
            .finish_appended(&main.text, self.piece_sizes, piece)?;
        Ok(Index::with_text(text, self.facets, self.dates))
    }

    /// The index without its postings' and positions' pieces: each piece
    /// is handed to `piece` as soon as it is made, in the order of
    /// [`Index::pieces`], as the bytes [`Index::piece_file`] takes, and not
    /// kept (the dictionary's pieces are kept too). At a million releases
    /// the builder's postings and the pieces are 600 MB each: the pieces
    /// are made as the builder's are let go, never all held.
    pub fn finish_with<E>(
        self,
        piece: impl FnMut(Piece, Vec<u8>) -> Result<(), E>,
    ) -> Result<Index, E> {
        let text = self.text.finish_with(self.piece_sizes, piece)?;
        Ok(Index::with_text(text, self.facets, self.dates))
    }
}

impl Index {
    /// The finished text index with the builder's facets and dates.
    fn with_text(text: Inverted, facets: [FacetBuilder; 6], dates: Vec<u32>) -> Index {
        Index {
            text,
            facets: facets.map(FacetBuilder::finish),
            order: DateOrder::of(&dates),
            dates,
        }
    }

    /// An index of no releases, without the builder's code (which the app,
    /// reading packed indexes, otherwise never needs).
    pub fn empty() -> Index {
        Index {
            text: Inverted::empty(),
            facets: [(); 6].map(|_| FacetIndex::empty()),
            dates: Vec::new(),
            order: DateOrder::Numbered { dated: 0 },
        }
    }

    pub fn new(releases: &[Release]) -> Index {
        let aliases = Aliases::of(releases);
        let mut builder = IndexBuilder::default();
        releases
            .iter()
            .for_each(|r| builder.add(IndexedDoc::of(r, &aliases)));
        builder.finish()
    }

    pub fn len(&self) -> usize {
        self.dates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }

    /// Searches with the timeline zoom chosen automatically.
    pub fn search(&self, filter: &Filter) -> Results {
        self.search_zoomed(filter, Zoom::Auto)
    }

    pub fn search_zoomed(&self, filter: &Filter, zoom: Zoom) -> Results {
        self.search_within(filter, zoom, None)
    }

    /// A search among `within` only (doc ids, sorted), when given: the
    /// releases that mention the filter's event ([`super::docs_mentioning`]),
    /// which the index does not hold. Facet counts and the histogram are
    /// over those releases too.
    pub fn search_within(&self, filter: &Filter, zoom: Zoom, within: Option<&[u32]>) -> Results {
        let clauses = search::parse(&filter.text);
        let (matched, terms) = match clauses.is_empty() {
            true => (None, Vec::new()),
            false => {
                let (docs, terms) = search::run(&self.text, &clauses);
                (Some(docs), terms)
            }
        };
        let selected: [Vec<String>; 6] = Facet::ALL.map(|f| filter.keys(f));
        let sets: Vec<(usize, DocSet)> = (0..6)
            .filter(|&f| !selected[f].is_empty())
            .map(|f| (f, self.facets[f].selection(&selected[f], self.len())))
            .collect();
        let (low, high) = date_bounds(filter.from, filter.to);
        let dated_only = filter.from.is_some() || filter.to.is_some();
        // A facet counts over every release that the rest of the filter
        // keeps (its own selection does not narrow its own counts): the
        // whole corpus when nothing else narrows it, whose counts
        // `index.bin` holds; else those of the documents visited, which
        // need its relation.
        let narrowed: [bool; 6] = std::array::from_fn(|f| {
            matched.is_some() || dated_only || within.is_some() || sets.iter().any(|(g, _)| *g != f)
        });
        let tallied: [bool; 6] =
            std::array::from_fn(|f| narrowed[f] && self.facets[f].has_relation());
        let counting = (0..6).any(|f| narrowed[f] && !tallied[f]);

        let mut counter = Counter::new(&self.facets);
        // Whether a document is a hit, counting it for the facets that the
        // rest of the filter keeps it for.
        let mut visit = |doc: u32| -> bool {
            if within.is_some_and(|w| w.binary_search(&doc).is_err()) {
                return false;
            }
            let date = self.dates.get(doc as usize).copied().unwrap_or(0);
            if dated_only && (date == 0 || date < low || date > high) {
                return false;
            }
            // Bit f set: the doc misses facet f's selection.
            let missed = sets
                .iter()
                .filter(|(_, set)| !set.contains(doc))
                .fold(0u8, |m, (f, _)| m | 1 << f);
            for f in (0..6).filter(|&f| tallied[f]) {
                // A facet's own selection does not narrow its own counts.
                if missed & !(1 << f) == 0 {
                    counter.add(f, self.facets[f].values_of(doc));
                }
            }
            missed == 0
        };
        let everything = matched.is_none() && !dated_only && within.is_none() && sets.is_empty();
        let sort = match (filter.sort, matched.is_some()) {
            (Sort::Relevance, false) => Sort::Newest,
            (sort, _) => sort,
        };
        let hits = match matched {
            // Nothing to check or count per document (an empty filter):
            // every document, in the date order itself.
            None if everything => self.all_by_date(Vec::new(), sort == Sort::Oldest),
            // The hits kept in the matches' own allocation: at a million
            // releases a second list was megabytes more at the heap's peak.
            Some(mut docs) => {
                docs.retain(|&(d, _)| visit(d));
                self.order(docs, sort)
            }
            None => {
                let docs = (0..self.len() as u32).filter(|&d| visit(d));
                self.order(docs.map(|d| (d, 0.0)).collect(), sort)
            }
        };
        for f in (0..6).filter(|&f| !narrowed[f]) {
            counter.set(f, self.facets[f].all_df());
        }
        Results {
            total: hits.len(),
            histogram: match (zoom, dated_only) {
                (Zoom::Auto, true) => {
                    histogram_between(self.dates_of(&hits), filter.from, filter.to)
                }
                _ => self.histogram(&hits, zoom),
            },
            hits,
            facets: counter.finish(&self.facets, &selected),
            terms,
            counting,
        }
    }

    /// Releases per bucket over `docs` (say, a search's hits at another zoom).
    pub fn histogram(&self, docs: &[u32], zoom: Zoom) -> Histogram {
        histogram(self.dates_of(docs), zoom)
    }

    fn dates_of<'a>(&'a self, docs: &'a [u32]) -> impl Iterator<Item = u32> + Clone + 'a {
        docs.iter()
            .map(|&d| self.dates.get(d as usize).copied().unwrap_or(0))
    }

    /// The first and last day any release is dated; None when none is.
    pub fn date_extent(&self) -> Option<(PartialDate, PartialDate)> {
        // The ends of the date order, without a scan (entity pages ask for
        // it each); date keys order as the dates do.
        let at = |d: Option<u32>| PartialDate::from_key(*self.dates.get(d? as usize)?);
        let dated = self.order.dated();
        let (last, first) = (
            dated.checked_sub(1).and_then(|p| self.order.at(p)),
            self.order.at(0),
        );
        if let (Some(lo), Some(hi)) = (at(last), at(first)) {
            return Some((lo.first_day(), hi.last_day()));
        }
        let dates = self.dates.iter().filter_map(|&k| PartialDate::from_key(k));
        let lo = dates.clone().min()?.first_day();
        Some((lo, dates.max()?.last_day()))
    }

    fn order(&self, hits: Vec<(u32, f32)>, sort: Sort) -> Vec<u32> {
        match sort {
            Sort::Relevance => {
                // Best score first, then newest, then corpus order: one integer
                // key per hit, so the sort compares plain numbers. The keys
                // and then the docs are written over the hits in their own
                // allocation (same alignment): at a million releases, a list
                // beside them was megabytes more at the heap's peak.
                let mut keyed: Vec<(u32, u32)> = hits
                    .into_iter()
                    .map(|(d, score)| (!ordered_bits(score), self.place(d)))
                    .collect();
                keyed.sort_unstable_by_key(|&(score, place)| {
                    u64::from(score) << 32 | u64::from(place)
                });
                let mut docs: Vec<u32> = keyed
                    .into_iter()
                    .map(|(_, place)| self.doc_at(place))
                    .collect();
                docs.shrink_to_fit();
                docs
            }
            Sort::Newest | Sort::Oldest => {
                let docs: Vec<u32> = hits.into_iter().map(|h| h.0).collect();
                self.by_date(docs, sort == Sort::Oldest)
            }
        }
    }

    /// Dated docs newest (or oldest) first, undated last. Many hits: walk the
    /// precomputed date order through a bitset; few: sort them.
    fn by_date(&self, mut docs: Vec<u32>, oldest: bool) -> Vec<u32> {
        // Every document (they are distinct): the date order itself.
        if docs.len() == self.len() {
            return self.all_by_date(docs, oldest);
        }
        let log = usize::BITS - docs.len().leading_zeros();
        if docs.len() * (log as usize) < self.len() {
            // Sorted as places (see `place`), mirrored for oldest first.
            let dated = self.order.dated();
            let mirror = |p: u32| match p < dated {
                true if oldest => dated - 1 - p,
                _ => p,
            };
            let mut places: Vec<u32> = docs.iter().map(|&d| mirror(self.place(d))).collect();
            places.sort_unstable();
            docs.clear();
            docs.extend(places.into_iter().map(|p| self.doc_at(mirror(p))));
            return docs;
        }
        let mut set = DocSet::new(self.len());
        docs.iter().for_each(|&d| set.insert(d));
        let mut undated: Vec<u32> = docs
            .into_iter()
            .filter(|&d| self.dates.get(d as usize) == Some(&0))
            .collect();
        undated.sort_unstable();
        let dated = self.order.newest().filter(|&d| set.contains(d));
        let mut out: Vec<u32> = match oldest {
            true => dated.rev().collect(),
            false => dated.collect(),
        };
        out.extend(undated);
        out
    }

    /// Every document, dated newest (or oldest) first, undated last in
    /// corpus order: the date order itself, in `docs`'s allocation.
    fn all_by_date(&self, mut docs: Vec<u32>, oldest: bool) -> Vec<u32> {
        docs.clear();
        docs.reserve_exact(self.len());
        self.order.extend_into(&mut docs, oldest);
        docs.extend(self.order.undated(&self.dates));
        docs
    }

    /// A document's place in newest-first order, undated documents after the
    /// dated ones in corpus order: unique, so sorts can carry it for the doc.
    fn place(&self, doc: u32) -> u32 {
        match self.order.rank(doc) {
            Some(r) => r,
            None => self.order.dated() + doc,
        }
    }

    /// The document at a place (the inverse of `place`).
    fn doc_at(&self, place: u32) -> u32 {
        let dated = self.order.dated();
        match place < dated {
            true => self.order.at(place).unwrap_or(u32::MAX),
            false => place - dated,
        }
    }

    /// The value of `facet` with this key, if any release has it.
    pub fn value(&self, facet: Facet, key: &str) -> Option<ValueInfo> {
        let f = &self.facets[facet.index()];
        f.find(key).and_then(|v| f.info(v))
    }

    /// Every value of `facet` (countries, organisations, people...): the
    /// most frequent until the facet's file is here ([`Index::has_facet`]).
    pub fn values(&self, facet: Facet) -> impl Iterator<Item = ValueInfo> + '_ {
        let f = &self.facets[facet.index()];
        (0..f.known_count() as u32).filter_map(|v| f.info(v))
    }

    /// How many values `facet` has, known or not yet (see [`Index::values`]).
    pub fn value_count(&self, facet: Facet) -> usize {
        self.facets[facet.index()].len()
    }

    /// The key of the value of `facet` named `name` (its label, any case;
    /// or, but for countries, its key as a name normalises to one: `UNODC`).
    pub fn key_named(&self, facet: Facet, name: &str) -> Option<String> {
        let f = &self.facets[facet.index()];
        let by_key = match facet {
            Facet::Country => None,
            _ => facet.normalise_key(name).and_then(|k| f.find(&k)),
        };
        let v = by_key.or_else(|| f.find_label(name))?;
        f.info(v).map(|i| i.key.to_string())
    }

    /// Releases having this facet value, in corpus order.
    pub fn docs(&self, facet: Facet, key: &str) -> Vec<u32> {
        let f = &self.facets[facet.index()];
        f.find(key).map_or(Vec::new(), |v| f.docs(v).collect())
    }

    /// The values of `facet` one release has (with the keys the facets use:
    /// link a release's chips with these).
    pub fn values_of(&self, facet: Facet, doc: u32) -> Vec<ValueInfo> {
        let f = &self.facets[facet.index()];
        f.values_of(doc).filter_map(|v| f.info(v)).collect()
    }

    /// Releases sharing entities with `doc` (not years), best first: each
    /// shared value adds its rarity, ln(N / releases with it).
    pub fn related(&self, doc: u32, n: usize) -> Vec<(u32, f32)> {
        RELATED_WEIGHTS.with(|weights| {
            let mut weights = weights.borrow_mut();
            if weights.len() < self.len() {
                weights.resize(self.len(), 0.0);
            }
            let mut touched: Vec<u32> = Vec::new();
            let found = self.related_with(doc, n, RELATED_BUDGET, &mut weights, &mut touched);
            // Back to zeros for the next call: only what this one touched.
            for d in touched {
                weights[d as usize] = 0.0;
            }
            found
        })
    }

    fn related_with(
        &self,
        doc: u32,
        n: usize,
        budget: usize,
        weights: &mut [f32],
        touched: &mut Vec<u32>,
    ) -> Vec<(u32, f32)> {
        let total = self.len() as f32;
        // (documents, how many, weight) per value shared.
        let mut shared: Vec<(_, usize, f32)> = Vec::new();
        for facet in Facet::ALL.into_iter().filter(|&f| f != Facet::Year) {
            let f = &self.facets[facet.index()];
            for v in f.values_of(doc) {
                let df = f.df(v);
                let weight = (total / df.max(1) as f32).ln();
                if weight > 0.0 {
                    shared.push((f.docs(v), df, weight));
                }
            }
        }
        // Rarest values first, within a budget of documents visited: bounded
        // work at any size (a country in half of a million releases would
        // otherwise be half a million visits per call). A value past the
        // budget adds only its first documents, the newest, which is also
        // how ties are broken.
        // `order`'s stable sort: the standard one adds about 6 kB to the wasm.
        crate::order::sort_by_key(&mut shared, |(_, df, _)| *df);
        let mut budget = budget;
        for (docs, _, weight) in shared {
            for d in docs.filter(|&d| d != doc).take(budget) {
                budget -= 1;
                if let Some(w) = weights.get_mut(d as usize) {
                    if *w == 0.0 {
                        touched.push(d);
                    }
                    *w += weight;
                }
            }
            if budget == 0 {
                break;
            }
        }
        // Best first, then newest, as one integer per document.
        let weight = |d: u32| weights.get(d as usize).copied().unwrap_or(0.0);
        let mut keyed: Vec<u64> = touched
            .iter()
            .map(|&d| u64::from(!ordered_bits(weight(d))) << 32 | u64::from(self.place(d)))
            .collect();
        // Only the best `n` are ordered (a page per release calls this at
        // build time). The browser sorts them all: one release at a time,
        // within the budget, and `select_nth_unstable` adds about 2 kB of wasm.
        #[cfg(not(target_arch = "wasm32"))]
        if keyed.len() > n {
            keyed.select_nth_unstable(n);
            keyed.truncate(n);
        }
        keyed.sort_unstable();
        keyed.truncate(n);
        keyed
            .into_iter()
            .map(|k| {
                let d = self.doc_at((k & u64::from(u32::MAX)) as u32);
                (d, weight(d))
            })
            .collect()
    }
}

/// Documents [`Index::related`] visits at most per call.
const RELATED_BUDGET: usize = 20_000;

thread_local! {
    /// [`Index::related`]'s score per document, all zeros between calls: kept
    /// rather than allocated and zeroed per call (a million documents are 4 MB).
    static RELATED_WEIGHTS: std::cell::RefCell<Vec<f32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Title (weighted higher), body, then the names the extractors found, each
/// its own field so that phrases do not run across them.
fn doc_words(r: &Release) -> DocWords {
    let mut doc = DocWords::default();
    doc.field(&r.title, TITLE_WEIGHT);
    for p in &r.body {
        doc.field(p, 1);
    }
    for p in &r.people {
        doc.field(&p.name, 1);
    }
    for o in &r.organisations {
        doc.field(o.name.as_deref().unwrap_or(""), 1);
        doc.field(o.acronym.as_deref().unwrap_or(""), 1);
    }
    for c in &r.countries {
        doc.field(&c.name, 1);
    }
    if let Some(city) = r.dateline.as_ref().and_then(|d| d.city.as_deref()) {
        doc.field(city, 1);
    }
    doc.group();
    doc
}

/// The bits of a float, as an integer in the float's total order.
fn ordered_bits(x: f32) -> u32 {
    let b = x.to_bits();
    match b >> 31 {
        1 => !b,
        _ => b | 1 << 31,
    }
}

/// Organisation name slug → (acronym slug, acronym), learnt from releases
/// that give both, so a release naming only "United Nations Office on Drugs
/// and Crime" files under the same key (`unodc`) as one giving the acronym.
/// Learnt before the first document is indexed, so that a build holds
/// these and not every release's organisations (`dateline pack`).
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    by_name: HashMap<String, (String, String)>,
    /// The same aliases by the name as written: most releases repeat a few
    /// names, and making their slugs again, to find them in `by_name`, was a
    /// tenth of a million-release build's one-core step. (The map's type is
    /// `by_name`'s: as a map of its own type it cost the import worker's
    /// wasm about 445 B brotli.)
    by_written_name: HashMap<String, (String, String)>,
}

impl Aliases {
    /// The aliases of `releases`, in document order.
    pub fn of<'a>(releases: impl IntoIterator<Item = &'a Release>) -> Aliases {
        let mut aliases = Aliases::default();
        releases.into_iter().for_each(|r| aliases.add(r));
        aliases
    }

    /// Learns from the next release in document order: a bare name takes
    /// the acronym that the first release to define it gives.
    pub fn add(&mut self, r: &Release) {
        for o in &r.organisations {
            if let (Some(name), Some(acronym)) = (&o.name, &o.acronym) {
                if self.by_written_name.contains_key(name.as_str()) {
                    continue;
                }
                self.learn(name, slug(acronym), acronym);
            }
        }
    }

    /// The aliases that a packed index's organisations show: a value keyed
    /// by its acronym with a name beside it (its detail) makes the name an
    /// alias of the acronym. What [`Aliases::add`] learnt from the build's
    /// releases, as far as the index keeps it, for releases appended to it
    /// (`dateline add`); needs the organisations' relation.
    pub fn of_index(index: &Index) -> Aliases {
        let mut aliases = Aliases::default();
        for v in index.values(Facet::Organisation) {
            let Some(name) = v.detail.as_deref() else {
                continue;
            };
            if name != &*v.label && slug(&v.label) == *v.key {
                aliases.learn(name, v.key.to_string(), &v.label);
            }
        }
        aliases
    }

    /// `name` stands for the acronym keyed `key` (none for an empty key),
    /// unless it stands for one already.
    fn learn(&mut self, name: &str, key: String, acronym: &str) {
        if !key.is_empty() {
            let alias = (key, acronym.to_string());
            self.by_name.entry(slug(name)).or_insert(alias.clone());
            self.by_written_name
                .entry(name.to_string())
                .or_insert(alias);
        }
    }

    fn get(&self, name_slug: &str) -> Option<&(String, String)> {
        self.by_name.get(name_slug)
    }
}

/// Key of an organisation: slug of its acronym, else of its name.
/// (`Index` also maps a bare name to the acronym other releases give it.)
pub fn organisation_key(o: &Organisation) -> String {
    slug(o.acronym.as_deref().or(o.name.as_deref()).unwrap_or(""))
}

/// The keys of a release's values of `facet` (countries and topics: their
/// keys need no other release), as the facet lists them: sorted, once each.
/// The list records carry them for the cards' chips.
pub(crate) fn own_keys(facet: Facet, r: &Release) -> Vec<String> {
    let mut keys: Vec<String> = entries(facet, r, &Aliases::default())
        .into_iter()
        .map(|e| e.key)
        .filter(|k| !k.is_empty())
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The facet values one release has, before merging across releases.
fn entries(facet: Facet, r: &Release, aliases: &Aliases) -> Vec<Entry> {
    let entry = |key: String, label: &str, detail: Option<&str>| Entry {
        key,
        label: label.to_string(),
        detail: detail.map(str::to_string),
    };
    match facet {
        Facet::Year => r
            .date
            .map(|d| d.whole_year().to_string())
            .map(|y| entry(y.clone(), &y, None))
            .into_iter()
            .collect(),
        Facet::Country => r
            .countries
            .iter()
            .map(|c| entry(c.code.trim().to_ascii_uppercase(), &c.name, None))
            .collect(),
        Facet::Organisation => r
            .organisations
            .iter()
            .map(|o| {
                let alias = match (&o.acronym, &o.name) {
                    (None, Some(name)) => aliases.get(&slug(name)),
                    _ => None,
                };
                match alias {
                    Some((key, acronym)) => entry(key.clone(), acronym, o.name.as_deref()),
                    None => entry(organisation_key(o), o.label(), o.name.as_deref()),
                }
            })
            .collect(),
        Facet::Person => r
            .people
            .iter()
            .map(|p| entry(slug(&p.name), &p.name, p.role.as_deref()))
            .collect(),
        Facet::Programme => r
            .programmes
            .iter()
            .map(|p| entry(slug(&p.name), &p.name, p.acronym.as_deref()))
            .collect(),
        Facet::Topic => r
            .topics
            .iter()
            .map(|t| entry(slug(t), &slug_to_words(&slug(t)), None))
            .collect(),
    }
}

impl Index {
    /// Whether a facet's relation (which releases have which value) is here.
    pub fn has_facet(&self, facet: Facet) -> bool {
        self.facets[facet.index()].has_relation()
    }

    /// The facets whose relation is not here, in order.
    pub fn missing_facets(&self) -> Vec<Facet> {
        Facet::ALL
            .into_iter()
            .filter(|&f| !self.has_facet(f))
            .collect()
    }

    /// The facets whose relations `filter`'s matches need and that are not
    /// here: those it selects values of, and those of its compared
    /// entities. Until they are added, a selection matches nothing (counts
    /// need them too, but the matches come first: see
    /// [`Results::counting`]).
    pub fn missing_facets_for(&self, filter: &Filter) -> Vec<Facet> {
        let compared = |f: Facet| {
            let series = filter.series.iter().take(super::compare::MAX_SERIES);
            series.filter_map(|s| s.kind.facet()).any(|g| g == f)
        };
        Facet::ALL
            .into_iter()
            .filter(|&f| !filter.keys(f).is_empty() || compared(f))
            .filter(|&f| !self.has_facet(f))
            .collect()
    }

    /// Whether every piece of the postings and the positions is here.
    pub fn has_all_pieces(&self) -> bool {
        self.text.has_all_pieces()
    }

    /// Lets the pieces go (they are written out): queries need them added
    /// back.
    pub fn forget_pieces(&mut self) {
        self.text.forget_pieces();
    }

    /// Every piece of the dictionary (`d/<k>.bin`), the postings
    /// (`t/<k>.bin`), the positions (`p/<k>.bin`), then the appended
    /// documents' postings and positions (`ta/<k>.bin`, `pa/<k>.bin`).
    pub fn pieces(&self) -> Vec<Piece> {
        Stream::ALL
            .into_iter()
            .flat_map(|stream| (0..self.text.piece_count(stream)).map(move |k| Piece { stream, k }))
            .collect()
    }

    /// The pieces that a filter's text and text series read and that are
    /// not here yet, in order: the pieces of the dictionary its words'
    /// lookups read; once those are here, the postings of every term its
    /// words stand for (completions and corrections as `search` picks them,
    /// bounded), and the positions of its quoted phrases' words. Until the
    /// dictionary's and the postings' pieces are added, a word matches none
    /// of the releases they hold; until the positions are, a phrase matches
    /// as all its words. Ask again once pieces arrive: a word's dictionary
    /// says which postings it needs.
    pub fn missing_pieces(&self, filter: &Filter) -> Vec<Piece> {
        self.pieces_read(filter, true)
    }

    /// Lets go of postings' and positions' pieces that `filter` does not
    /// read, those read longest ago first, while more than
    /// [`HELD_PIECE_BYTES`] of them are here: a session of any number of
    /// queries holds a bounded amount of them. Call it before asking for
    /// the filter's missing pieces. Says which pieces went: a query that
    /// reads one again must fetch it again.
    pub fn trim_pieces(&self, filter: &Filter) -> Vec<Piece> {
        self.trim_pieces_to(filter, HELD_PIECE_BYTES)
    }

    /// [`Index::trim_pieces`] to a budget of `budget` bytes (tests).
    pub fn trim_pieces_to(&self, filter: &Filter, budget: usize) -> Vec<Piece> {
        match self.text.held_piece_bytes() > budget {
            true => self
                .text
                .trim_pieces(budget, &self.pieces_read(filter, false)),
            false => Vec::new(),
        }
    }

    /// The bytes of postings' and positions' pieces here.
    pub fn held_piece_bytes(&self) -> usize {
        self.text.held_piece_bytes()
    }

    /// The pieces `filter` reads (see [`Index::missing_pieces`]); with
    /// `missing`, only those not here. Of a clause whose dictionary pieces
    /// are missing, only those.
    fn pieces_read(&self, filter: &Filter, missing: bool) -> Vec<Piece> {
        let series = filter
            .series
            .iter()
            .take(super::compare::MAX_SERIES)
            .filter(|s| s.kind == super::SeriesKind::Text)
            .map(|s| s.key.as_str());
        let mut pieces: Vec<Piece> = Vec::new();
        for clause in std::iter::once(filter.text.as_str())
            .chain(series)
            .flat_map(search::parse)
        {
            let dictionary = search::dictionary_read(&self.text, &clause);
            if !dictionary.is_empty() {
                pieces.extend(dictionary);
                continue;
            }
            let (terms, phrase) = search::terms_read(&self.text, &clause);
            let streams = match phrase {
                true => &[Stream::Postings, Stream::Positions][..],
                false => &[Stream::Postings],
            };
            for (t, &stream) in terms
                .iter()
                .flat_map(|&t| streams.iter().map(move |s| (t, s)))
            {
                match missing {
                    true => pieces.extend(self.text.missing_pieces(stream, t)),
                    false => pieces.extend(self.text.pieces_of(stream, t)),
                }
            }
        }
        // A few pieces: `order`'s shared routine, not a copy of the
        // standard sort for `Piece` (about 8 kB of wasm).
        crate::order::sort_by(&mut pieces, Piece::cmp);
        pieces.dedup();
        pieces
    }

    /// Whether a filter's query needs no piece that is missing.
    pub fn has_pieces_for(&self, filter: &Filter) -> bool {
        self.missing_pieces(filter).is_empty()
    }

    /// The `yyyymmdd` key of a document's date (0: undated).
    pub fn date_key(&self, doc: u32) -> u32 {
        self.dates.get(doc as usize).copied().unwrap_or(0)
    }

    /// A document's date, as its key spells it (None: undated).
    pub fn date(&self, doc: u32) -> Option<PartialDate> {
        PartialDate::from_key(self.date_key(doc))
    }

    /// The documents before and after `doc` in date order (newest first,
    /// undated last in corpus order): its newer and its older neighbour, as
    /// a release page links them. Numbered newest first, they are `doc - 1`
    /// and `doc + 1`; releases appended by `dateline add` are not.
    pub fn neighbours(&self, doc: u32) -> (Option<u32>, Option<u32>) {
        let n = self.len() as u32;
        if doc >= n {
            return (None, None);
        }
        let dated = self.order.dated();
        // Undated documents in corpus order (numbered: the last ones, read
        // from the first of them, not from document 0).
        let mut undated = self.order.undated(&self.dates);
        match self.order.rank(doc) {
            Some(r) => {
                let newer = r.checked_sub(1).and_then(|q| self.order.at(q));
                let older = match r + 1 < dated {
                    true => self.order.at(r + 1),
                    false => undated.next(),
                };
                (newer, older)
            }
            None => {
                // Up to `doc` itself, which `take_while` takes too: the
                // next one is the one after it.
                let before = undated.by_ref().take_while(|&d| d < doc).last();
                let last_dated = || dated.checked_sub(1).and_then(|r| self.order.at(r));
                (before.or_else(last_dated), undated.next())
            }
        }
    }

    /// The dated documents, newest first (ties in corpus order): what a
    /// search without a query lists first, read without one.
    pub fn newest_first(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.order.dated()).filter_map(|r| self.order.at(r))
    }

    /// The first document appended after the index's build (`dateline
    /// add`): documents before it are numbered newest first; its length
    /// when none was appended.
    pub fn first_appended(&self) -> u32 {
        self.text.first_appended().unwrap_or(self.len() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_follow_the_date_order_whatever_the_numbering() {
        let dated = |d: &str, t: &str| release(Some(d), t, &["x"]);
        let undated = |t: &str| release(None, t, &["x"]);
        // Numbered newest first (as packed): the neighbours are doc ± 1.
        let packed = vec![
            dated("2024-03-01", "c"),
            dated("2023-01-01", "b"),
            dated("2020-01-01", "a"),
            undated("u"),
            undated("v"),
        ];
        let index = Index::new(&packed);
        for doc in 0..5u32 {
            let want = (doc.checked_sub(1), (doc + 1 < 5).then_some(doc + 1));
            assert_eq!(index.neighbours(doc), want, "doc {doc}");
        }
        assert_eq!(index.neighbours(5), (None, None));
        // Any numbering (appended releases): walking to the older
        // neighbour from the newest visits the date order, undated last.
        let appended = vec![
            dated("2023-01-01", "b"),
            undated("u"),
            dated("2020-01-01", "a"),
            dated("2025-06-01", "n"),
            undated("v"),
            dated("2023-01-01", "b2"),
        ];
        let index = Index::new(&appended);
        let order = index.search(&Filter::default()).hits;
        assert_eq!(order, [3, 0, 5, 2, 1, 4]);
        for (i, &doc) in order.iter().enumerate() {
            let newer = i.checked_sub(1).map(|j| order[j]);
            let older = order.get(i + 1).copied();
            assert_eq!(index.neighbours(doc), (newer, older), "doc {doc}");
        }
    }
    use crate::model::{CountryMention, Dateline, Person, Programme};

    fn release(date: Option<&str>, title: &str, body: &[&str]) -> Release {
        Release {
            id: slug(title),
            source: format!("{}.txt", slug(title)),
            title: title.into(),
            date: date.map(|d| d.parse().unwrap()),
            body: body.iter().map(|p| p.to_string()).collect(),
            ..Release::default()
        }
    }

    fn countries(codes: &[(&str, &str)]) -> Vec<CountryMention> {
        codes
            .iter()
            .map(|(code, name)| CountryMention {
                code: code.to_string(),
                name: name.to_string(),
                mentions: 1,
            })
            .collect()
    }

    fn org(name: Option<&str>, acronym: Option<&str>) -> Organisation {
        Organisation {
            name: name.map(str::to_string),
            acronym: acronym.map(str::to_string),
        }
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    const UNODC: &str = "United Nations Office on Drugs and Crime";

    /// Five releases: 2019-04-17, 2019-06-02, 2020-01-10, undated, 2018-12-31.
    fn corpus() -> Vec<Release> {
        let mut r0 = release(
            Some("2019-04-17"),
            "Iran and UNODC to increase cooperation on trafficking in persons",
            &["UNODC hosted a delegation to discuss organized crime and cybercrime."],
        );
        r0.countries = countries(&[("IR", "Iran"), ("AT", "Austria")]);
        r0.organisations = vec![org(Some(UNODC), Some("UNODC"))];
        r0.people = vec![Person {
            name: "Abbas Bagherpour".into(),
            role: Some("Director General".into()),
        }];
        r0.programmes = vec![Programme {
            name: "GLO.ACT".into(),
            acronym: Some("GLO.ACT".into()),
            start: None,
            end: None,
        }];
        r0.topics = strings(&["trafficking-in-persons", "cybercrime"]);
        r0.dateline = Some(Dateline {
            raw: "Vienna, Austria - 17 April 2019".into(),
            city: Some("Vienna".into()),
            country: Some("AT".into()),
        });

        let mut r1 = release(
            Some("2019-06-02"),
            "Workshop in Zürich on migrant smuggling",
            &["Experts met in Zürich. Crime that is organized differs."],
        );
        r1.countries = countries(&[("CH", "Switzerland")]);
        r1.organisations = vec![
            org(Some(UNODC), None),
            org(
                Some("International Organization for Migration"),
                Some("IOM"),
            ),
        ];
        r1.topics = strings(&["smuggling-of-migrants"]);

        let mut r2 = release(
            Some("2020-01-10"),
            "São Paulo hosts cybercrime conference",
            &["Delegates from Côte d’Ivoire and Brazil discussed cybercrime."],
        );
        r2.countries = countries(&[("BR", "Brazil"), ("CI", "Côte d’Ivoire")]);
        r2.organisations = vec![org(None, Some("UNODC"))];
        r2.people = vec![Person {
            name: "Loide Aryee".into(),
            role: None,
        }];
        r2.topics = strings(&["cybercrime"]);

        let mut r3 = release(
            None,
            "Undated note on trafficking",
            &["Trafficker networks were dismantled."],
        );
        r3.countries = countries(&[("IR", "Iran")]);
        r3.topics = strings(&["trafficking-in-persons"]);

        let mut r4 = release(
            Some("2018-12-31"),
            "Annual report",
            &["Nothing about that subject."],
        );
        r4.countries = countries(&[("AF", "Afghanistan")]);
        vec![r0, r1, r2, r3, r4]
    }

    fn hits(index: &Index, qs: &str) -> Vec<u32> {
        index.search(&Filter::from_query(qs)).hits
    }

    fn counts(results: &Results, facet: Facet) -> Vec<(String, u32, bool)> {
        results
            .facets
            .get(facet)
            .iter()
            .map(|v| (v.key.to_string(), v.count, v.selected))
            .collect()
    }

    #[test]
    fn text_search() {
        let index = Index::new(&corpus());
        for (qs, want) in [
            ("", vec![2, 1, 0, 4, 3]),
            // Diacritics and case, both ways round.
            ("q=zurich", vec![1]),
            ("q=ZÜRICH", vec![1]),
            ("q=Sao+Paulo", vec![2]),
            ("q=Cote+d'Ivoire", vec![2]),
            ("q=C%C3%B4te+d%E2%80%99Ivoire+", vec![2]),
            // The word being typed is a prefix; a finished word is not.
            ("q=traff", vec![0, 3]),
            ("q=traff+", vec![]),
            ("q=trafficker", vec![3]),
            // AND across words, phrases as phrases.
            ("q=organized+crime", vec![1, 0]),
            ("q=%22organized+crime%22", vec![0]),
            ("q=%22crime+organized%22", vec![]),
            ("q=cybercrime+brazil+", vec![2]),
            // One typo forgiven in words of five letters or more.
            ("q=cybercrme+", vec![2, 0]),
            ("q=trafficing", vec![0, 3]),
            ("q=crme+", vec![]),
            // Entity names and the dateline city are searchable.
            ("q=vienna", vec![0]),
            ("q=bagherpour", vec![0]),
            ("q=switzerland", vec![1]),
            ("q=%21%21%21", vec![2, 1, 0, 4, 3]),
        ] {
            assert_eq!(hits(&index, qs), want, "{qs}");
        }
    }

    #[test]
    fn matched_terms_include_completions_and_corrections() {
        let index = Index::new(&corpus());
        let terms = |qs: &str| index.search(&Filter::from_query(qs)).terms;
        assert_eq!(terms("q=traff"), ["trafficker", "trafficking"]);
        assert_eq!(terms("q=cybercrme+"), ["cybercrime"]);
        assert_eq!(terms("q=%22organized+crime%22"), ["crime", "organized"]);
        assert!(terms("").is_empty());
    }

    #[test]
    fn sorts() {
        let index = Index::new(&corpus());
        for (qs, want) in [
            ("sort=newest", vec![2, 1, 0, 4, 3]),
            ("sort=oldest", vec![4, 0, 1, 2, 3]),
            // No text: relevance is newest.
            ("sort=relevance", vec![2, 1, 0, 4, 3]),
            // Title and two mentions beat one body mention.
            ("q=cybercrime&sort=relevance", vec![2, 0]),
            ("q=cybercrime&sort=oldest", vec![0, 2]),
            ("q=traff&sort=oldest", vec![0, 3]),
        ] {
            assert_eq!(hits(&index, qs), want, "{qs}");
        }
    }

    #[test]
    fn facets_or_within_and_across() {
        let index = Index::new(&corpus());
        for (qs, want) in [
            ("country=IR", vec![0, 3]),
            ("country=IR,CH", vec![1, 0, 3]),
            ("country=IR&topic=cybercrime", vec![0]),
            (
                "country=IR,CH&topic=cybercrime,smuggling-of-migrants",
                vec![1, 0],
            ),
            ("org=unodc", vec![2, 1, 0]),
            ("org=iom", vec![1]),
            ("person=abbas-bagherpour", vec![0]),
            ("programme=glo-act", vec![0]),
            ("year=2019", vec![1, 0]),
            ("year=2019,2018", vec![1, 0, 4]),
            ("country=ZZ", vec![]),
            ("q=cybercrime&country=BR", vec![2]),
        ] {
            assert_eq!(hits(&index, qs), want, "{qs}");
        }
    }

    #[test]
    fn live_counts_ignore_the_facets_own_selection() {
        let index = Index::new(&corpus());
        let r = index.search(&Filter::from_query("country=IR"));
        let own = counts(&r, Facet::Country);
        assert_eq!(own[0], ("IR".to_string(), 2, true));
        assert_eq!(own.len(), 6, "every country stays visible: {own:?}");
        assert!(own.iter().all(|(k, _, sel)| *sel == (k == "IR")));
        assert_eq!(
            counts(&r, Facet::Topic),
            [
                ("trafficking-in-persons".to_string(), 2, false),
                ("cybercrime".to_string(), 1, false)
            ]
        );
        assert_eq!(counts(&r, Facet::Year), [("2019".to_string(), 1, false)]);

        let r = index.search(&Filter::from_query("country=IR&topic=cybercrime"));
        // Country counts over the cybercrime releases (0 and 2), whatever the country.
        let own: Vec<(String, u32, bool)> = ["AT", "BR", "CI", "IR"]
            .iter()
            .map(|k| (k.to_string(), 1, *k == "IR"))
            .collect();
        assert_eq!(counts(&r, Facet::Country), own);
        assert_eq!(
            counts(&r, Facet::Topic),
            [
                ("trafficking-in-persons".into(), 2, false),
                ("cybercrime".into(), 1, true)
            ]
        );
        // An unknown selected key stays listed so that it can be cleared.
        let r = index.search(&Filter::from_query("topic=gone"));
        assert!(counts(&r, Facet::Topic).contains(&("gone".into(), 0, true)));
        assert_eq!(r.total, 0);
    }

    #[test]
    fn facet_labels_and_organisation_keys() {
        let index = Index::new(&corpus());
        let r = index.search(&Filter::default());
        let orgs = r.facets.get(Facet::Organisation);
        assert_eq!(orgs[0].key.as_ref(), "unodc");
        assert_eq!(orgs[0].label.as_ref(), "UNODC");
        assert_eq!(orgs[0].detail.as_deref(), Some(UNODC));
        assert_eq!(orgs[0].count, 3);
        assert_eq!(orgs.len(), 2);
        let topics = r.facets.get(Facet::Topic);
        assert_eq!(topics[0].label.as_ref(), "Cybercrime");
        assert!(topics
            .iter()
            .any(|t| t.label.as_ref() == "Trafficking in persons"));
        let people = r.facets.get(Facet::Person);
        assert_eq!(people[0].label.as_ref(), "Abbas Bagherpour");
        assert_eq!(people[0].detail.as_deref(), Some("Director General"));
        let country = index
            .value(Facet::Country, "CI")
            .map(|v| v.label.to_string());
        assert_eq!(country.as_deref(), Some("Côte d’Ivoire"));
        let values = index.values_of(Facet::Organisation, 1);
        let keys: Vec<&str> = values.iter().map(|v| &*v.key).collect();
        assert_eq!(keys, ["iom", "unodc"]);
        assert_eq!(index.docs(Facet::Topic, "cybercrime"), [0, 2]);
        assert!(index.docs(Facet::Topic, "nope").is_empty());
    }

    #[test]
    fn date_range_at_the_precision_given() {
        let index = Index::new(&corpus());
        for (qs, want) in [
            ("from=2019-06", vec![2, 1]),
            ("to=2019", vec![1, 0, 4]),
            ("from=2019-04-17&to=2019-04-17", vec![0]),
            ("from=2019-01&to=2019-06-30", vec![1, 0]),
            ("from=2019-01&to=2019-06-01", vec![0]),
            ("from=2021", vec![]),
            ("from=2020&to=2019", vec![]),
        ] {
            assert_eq!(hits(&index, qs), want, "{qs}");
        }
    }

    #[test]
    fn histogram_over_the_matching_set() {
        let index = Index::new(&corpus());
        let keys = |r: &Results| {
            r.histogram
                .buckets
                .iter()
                .map(|b| (b.key, b.count))
                .collect::<Vec<_>>()
        };
        let all = index.search(&Filter::default());
        assert_eq!(all.histogram.unit, crate::query::Unit::Years);
        assert_eq!(
            keys(&all),
            [("2018", 1), ("2019", 2), ("2020", 1)].map(|(k, n)| (k.parse().unwrap(), n))
        );
        let y2019 = index.search(&Filter::from_query("year=2019"));
        assert_eq!(y2019.histogram.unit, crate::query::Unit::Months);
        let counts: Vec<u32> = y2019.histogram.buckets.iter().map(|b| b.count).collect();
        assert_eq!(counts, [0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        let days = index.histogram(&all.hits, Zoom::Days(2019, 4));
        assert_eq!(days.buckets.len(), 30);
        assert_eq!(
            days.buckets[16],
            crate::query::Bucket {
                key: "2019-04-17".parse().unwrap(),
                end: "2019-04-17".parse().unwrap(),
                count: 1
            }
        );
    }

    #[test]
    fn related_prefers_rarer_shared_entities() {
        let index = Index::new(&corpus());
        let related = index.related(0, 10);
        let docs: Vec<u32> = related.iter().map(|r| r.0).collect();
        // 3 shares Iran and a topic; 2 shares UNODC (common) and cybercrime; 1 only UNODC.
        assert_eq!(docs, [3, 2, 1]);
        assert!(related.windows(2).all(|w| w[0].1 >= w[1].1));
        assert_eq!(index.related(0, 1).len(), 1);
        assert!(index.related(4, 5).is_empty());
        assert!(index.related(99, 5).is_empty());
    }

    #[test]
    fn the_date_extent_runs_from_the_oldest_first_day_to_the_newest_last_day() {
        let index = Index::new(&corpus());
        let dates: Vec<PartialDate> = index
            .dates
            .iter()
            .filter_map(|&k| PartialDate::from_key(k))
            .collect();
        let (lo, hi) = (dates.iter().min().unwrap(), dates.iter().max().unwrap());
        assert_eq!(index.date_extent(), Some((lo.first_day(), hi.last_day())));
        assert_eq!(Index::empty().date_extent(), None);
    }

    #[test]
    fn related_work_is_bounded_rarest_values_first() {
        let index = Index::new(&corpus());
        let budgeted = |budget: usize| {
            let mut weights = vec![0f32; index.len()];
            let related = index.related_with(0, 10, budget, &mut weights, &mut Vec::new());
            related.into_iter().map(|r| r.0).collect::<Vec<u32>>()
        };
        // A budget above every posting changes nothing.
        assert_eq!(budgeted(1000), [3, 2, 1]);
        // One visit: the first other document of the rarest shared value.
        assert_eq!(budgeted(1).len(), 1);
        assert!(budgeted(0).is_empty());
    }

    #[test]
    fn orders_agree_with_a_plain_sort_on_few_and_many_hits() {
        // 300 releases, dates with many ties and some undated; every third
        // says "harbour" (few hits: sorted; many: walked in date order
        // through a set; all: the date order itself).
        let releases: Vec<Release> = (0..300)
            .map(|i| {
                let date =
                    (i % 7 != 0).then(|| format!("20{:02}-0{}-1{}", 10 + i % 5, 1 + i % 3, i % 2));
                let word = if i % 3 == 0 { "harbour" } else { "valley" };
                let body = format!("{word} news");
                release(date.as_deref(), &format!("Release {i}"), &[body.as_str()])
            })
            .collect();
        let index = Index::new(&releases);
        let key = |d: u32| index.dates[d as usize];
        for qs in [
            "sort=newest",
            "sort=oldest",
            "q=harbour&sort=newest",
            "q=harbour&sort=oldest",
            "q=valley&sort=newest",
            "q=valley&sort=oldest",
        ] {
            let got = hits(&index, qs);
            let mut want = got.clone();
            // Dated first, newest or oldest (oldest is newest reversed, ties
            // too); undated last in corpus order.
            want.sort_by_key(|&d| match (key(d), qs.ends_with("oldest")) {
                (0, _) => (1, 0, d),
                (k, true) => (0, k, u32::MAX - d),
                (k, false) => (0, u32::MAX - k, d),
            });
            assert_eq!(got, want, "{qs}");
            let n = match qs {
                _ if qs.contains("harbour") => 100,
                _ if qs.contains("valley") => 200,
                _ => 300,
            };
            assert_eq!(got.len(), n, "{qs}");
        }
        // Relevance with equal scores (the same body): newest, then corpus order.
        let same: Vec<Release> = releases
            .iter()
            .map(|r| Release {
                date: r.date,
                ..release(None, &r.title, &["harbour"])
            })
            .collect();
        let same = Index::new(&same);
        assert_eq!(
            hits(&same, "q=harbour&sort=relevance"),
            hits(&same, "q=harbour&sort=newest")
        );
    }

    #[test]
    fn the_empty_index_answers_like_an_index_of_nothing() {
        let (built, empty) = (Index::new(&[]), Index::empty());
        for qs in [
            "",
            "q=a",
            "q=%22a+b%22",
            "country=IR",
            "sort=oldest",
            "from=2019",
        ] {
            let f = Filter::from_query(qs);
            assert_eq!(built.search(&f), empty.search(&f), "{qs}");
        }
        assert!(empty.is_empty());
        assert!(empty.related(0, 5).is_empty());
    }

    #[test]
    fn an_empty_corpus_and_odd_filters_do_not_panic() {
        let empty = Index::new(&[]);
        for qs in [
            "",
            "q=a",
            "q=%22a+b%22",
            "q=zzzzzzz",
            "sort=relevance&q=x",
            "year=2019&from=2019",
        ] {
            let r = empty.search(&Filter::from_query(qs));
            assert_eq!(r.total, 0, "{qs}");
            assert!(r.histogram.buckets.is_empty());
        }
        assert!(empty.is_empty());
        let index = Index::new(&corpus());
        for qs in [
            "q=%22%22",
            "q=%22",
            "q=%22+%22+a",
            "q=a+b+c+d+e+f+g",
            "q=%E2%80%9C",
            "q=x&year=1999",
        ] {
            let r = index.search(&Filter::from_query(qs));
            assert!(r.total <= 5, "{qs}");
        }
    }

    #[test]
    fn search_within_narrows_hits_counts_and_histogram() {
        let index = Index::new(&corpus());
        let f = Filter::default();
        let all = index.search(&f);
        let some = index.search_within(&f, Zoom::Auto, Some(&[0, 2]));
        assert_eq!(all.total, 5);
        assert_eq!(some.total, 2);
        let mut hits = some.hits.clone();
        hits.sort_unstable();
        assert_eq!(hits, [0, 2]);
        let bars: u32 = some.histogram.buckets.iter().map(|b| b.count).sum();
        assert_eq!(bars, 2);
        let iran = some
            .facets
            .get(Facet::Country)
            .iter()
            .find(|v| &*v.key == "IR");
        assert_eq!(iran.map(|v| v.count), Some(1));
        assert_eq!(index.search_within(&f, Zoom::Auto, Some(&[])).total, 0);
    }
}
