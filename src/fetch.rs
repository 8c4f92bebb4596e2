//! Downloads of the data files, relative to the page's `<base href>` so the
//! app works under any sub-path.

use dateline_core::pack::{frame, Chunk, ListPiece};
use dateline_core::query::{Facet, Filter, Piece, Stream};
use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::Response;

use std::rc::Rc;

use crate::corpus::{Corpus, CorpusError, Part, PieceFailed};

/// Chunk files downloaded at once by [`load_full`].
const PARALLEL: usize = 6;

/// A download in flight: started at once, read with [`Download::bytes`] or
/// [`Download::chunk_body`], so several can run side by side. A file the corpus
/// has at hand (imported on this device) is read from there instead.
pub struct Download {
    file: String,
    source: Source,
}

/// Where a data file comes from.
enum Source {
    Network(Result<JsFuture, CorpusError>),
    /// Imported on this device: the bytes are here already.
    Local(Vec<u8>),
}

impl Download {
    /// The file, relative to the page.
    pub fn file(&self) -> &str {
        &self.file
    }

    pub fn start(file: &str) -> Download {
        let response = web_sys::window()
            .map(|w| JsFuture::from(w.fetch_with_str(file)))
            .ok_or_else(|| unavailable(file, "no window".into()));
        Download {
            file: file.to_string(),
            source: Source::Network(response),
        }
    }

    /// A data file of `corpus`: at hand, or downloaded.
    pub fn of(corpus: &Corpus, file: &str) -> Download {
        match corpus.take_local(file) {
            Some(bytes) => Download {
                file: file.to_string(),
                source: Source::Local(bytes),
            },
            None => Download::start(file),
        }
    }

    async fn response(file: String, response: JsFuture) -> Result<(String, Response), CorpusError> {
        let value = response
            .await
            .map_err(|e| unavailable(&file, describe(&e, "the network request failed")))?;
        let response: Response = value
            .dyn_into()
            .map_err(|_| unavailable(&file, "not a response".into()))?;
        if !response.ok() {
            let reason = format!(
                "the server answered {} {}",
                response.status(),
                response.status_text()
            );
            return Err(unavailable(&file, reason));
        }
        Ok((file, response))
    }

    pub async fn bytes(self) -> Result<Vec<u8>, CorpusError> {
        let response = match self.source {
            Source::Local(bytes) => return Ok(bytes),
            Source::Network(response) => response?,
        };
        let buffer = Download::body(self.file, response, Response::array_buffer).await?;
        Ok(Uint8Array::new(&buffer).to_vec())
    }

    /// A chunk file's records (`pack::records`), its body unpacked: what
    /// [`Corpus::add_chunk`] reads.
    pub async fn chunk_body(self) -> Result<Vec<u8>, CorpusError> {
        self.unpacked(&frame::RECORDS).await
    }

    /// A framed file's body (`pack::frame`: a chunk, a piece of the
    /// positions), unpacked.
    pub async fn unpacked(self, kind: &frame::Kind) -> Result<Vec<u8>, CorpusError> {
        let file = self.file.clone();
        let bytes = self.bytes().await?;
        dateline_browser::unpack(kind, &bytes)
            .await
            .map_err(|e| CorpusError::Decode {
                file,
                offset: e.offset,
                expected: e.expected,
            })
    }

    /// The response body, read by `read` (as bytes or as text).
    async fn body(
        file: String,
        response: JsFuture,
        read: fn(&Response) -> Result<js_sys::Promise, wasm_bindgen::JsValue>,
    ) -> Result<wasm_bindgen::JsValue, CorpusError> {
        let (file, response) = Download::response(file, response).await?;
        let body = read(&response).map_err(|e| unavailable(&file, describe(&e, "unreadable")))?;
        JsFuture::from(body)
            .await
            .map_err(|e| unavailable(&file, describe(&e, "the download broke off")))
    }
}

fn unavailable(file: &str, reason: String) -> CorpusError {
    CorpusError::Unavailable {
        file: file.to_string(),
        reason,
    }
}

fn describe(error: &wasm_bindgen::JsValue, fallback: &str) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| fallback.to_string())
}

/// A named point on the page's performance timeline (read by the benchmark).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// What one call of [`fetch_pieces`] did.
pub struct PiecesFetched {
    /// Pieces added to the corpus: what was computed from it is stale.
    pub added: usize,
    /// The first piece that could not be used, and why.
    pub error: Option<PieceFailed>,
}

/// The downloads of `pieces`, started side by side.
fn downloads_of(corpus: &Corpus, pieces: Vec<Piece>) -> Vec<(Piece, Download)> {
    pieces
        .into_iter()
        .map(|p| (p, Download::of(corpus, &Corpus::piece_file(p))))
        .collect()
}

/// Downloads the pieces (dictionary, postings, positions) that `filter`'s
/// query needs and nobody asked for yet, side by side, adds them to the
/// corpus, then tells `done` (once, when some were asked for). The pieces of
/// the dictionary name the postings a word needs: those are asked for as
/// soon as they are added, in the same request, unless a newer query was
/// asked for meanwhile. A keystroke that supersedes this one does not wait
/// for it: its own pieces are asked for at once, and pieces already on the
/// way are not asked for twice. Marks
/// `dateline-pieces` (read by the tests and the benchmark) when the
/// filter's query has every piece it needs.
pub fn fetch_pieces(
    corpus: Rc<Corpus>,
    filter: Filter,
    done: impl FnOnce(PiecesFetched) + 'static,
) {
    let Some(pieces) = corpus.pieces_to_fetch(&filter) else {
        mark("dateline-pieces");
        return;
    };
    if pieces.is_empty() {
        // On the way, asked for by an earlier keystroke.
        return;
    }
    let mut downloads = downloads_of(&corpus, pieces);
    spawn_local(async move {
        let mut fetched = PiecesFetched {
            added: 0,
            error: None,
        };
        loop {
            let mut named_postings = false;
            for (piece, download) in downloads {
                let added = match download.unpacked(frame::of(piece.stream)).await {
                    Ok(body) => corpus.add_piece(piece, body),
                    Err(error) => Err(error),
                };
                match added {
                    Ok(()) => {
                        fetched.added += 1;
                        named_postings |= piece.stream == Stream::Dictionary;
                    }
                    Err(error) => {
                        corpus.piece_failed(piece);
                        fetched.error.get_or_insert(PieceFailed {
                            part: piece.stream.into(),
                            error,
                        });
                    }
                }
            }
            if !named_postings || !corpus.is_latest_pieces_query(&filter) {
                break;
            }
            match corpus.pieces_to_fetch(&filter) {
                Some(next) if !next.is_empty() => downloads = downloads_of(&corpus, next),
                _ => break,
            }
        }
        if corpus.has_pieces_for(&filter) {
            mark("dateline-pieces");
        }
        done(fetched);
    });
}

/// Downloads the facets' relations (`f/<facet>.bin`) that are missing and
/// that nobody asked for yet, side by side, adds them to the corpus, then
/// tells `done` (once, when some were asked for) the first that could not
/// be used. Marks `dateline-facets` (read by the tests and the benchmark)
/// when they are all in.
pub fn fetch_facets(corpus: Rc<Corpus>, done: impl FnOnce(Option<PieceFailed>) + 'static) {
    let downloads = facet_downloads(&corpus, Vec::new());
    if downloads.is_empty() {
        return;
    }
    spawn_local(async move {
        let failed = add_facets(&corpus, downloads).await;
        mark("dateline-facets");
        done(failed);
    });
}

/// The downloads of the facets' relations that are missing and that nobody
/// asked for yet (now asked for), reusing those `started` already.
pub fn facet_downloads(
    corpus: &Corpus,
    mut started: Vec<(Facet, Download)>,
) -> Vec<(Facet, Download)> {
    let facets = corpus.facets_to_fetch();
    facets
        .into_iter()
        .map(|f| match started.iter().position(|(g, _)| *g == f) {
            Some(i) => started.swap_remove(i),
            None => (f, Download::of(corpus, &Corpus::facet_file(f))),
        })
        .collect()
}

/// Adds the facets' relations as their downloads arrive; the first that
/// could not be used (nothing waits for it any more).
pub async fn add_facets(corpus: &Corpus, downloads: Vec<(Facet, Download)>) -> Option<PieceFailed> {
    let mut failed = None;
    for (facet, download) in downloads {
        let added = match download.unpacked(&frame::FACETS).await {
            Ok(body) => corpus.add_facet(facet, body),
            Err(error) => Err(error),
        };
        if let Err(error) = added {
            corpus.facet_failed(facet);
            failed.get_or_insert(PieceFailed {
                part: Part::Facets,
                error,
            });
        }
    }
    failed
}

/// Downloads the pieces of the list in `pieces` that nobody asked for yet,
/// side by side, adds them to the corpus, then tells `done` (once, when
/// some were asked for); a piece that fails is noted in the corpus with its
/// reason, which its rows show. Marks `dateline-records` (read by the tests
/// and the benchmark) when they are all in.
pub fn fetch_list_pieces(
    corpus: Rc<Corpus>,
    pieces: Vec<ListPiece>,
    done: impl FnOnce() + 'static,
) {
    let downloads = list_downloads(&corpus, pieces);
    if downloads.is_empty() {
        return;
    }
    spawn_local(async move {
        add_list_pieces(&corpus, downloads).await;
        mark("dateline-records");
        done();
    });
}

/// The downloads of the pieces of the list in `pieces` that nobody asked
/// for yet (now asked for).
pub fn list_downloads(corpus: &Corpus, pieces: Vec<ListPiece>) -> Vec<(ListPiece, Download)> {
    let pieces = corpus.list_pieces_to_fetch(pieces);
    pieces
        .into_iter()
        .map(|p| (p, Download::of(corpus, &Corpus::list_piece_file(p))))
        .collect()
}

/// Adds pieces of the list as their downloads arrive (one that fails is
/// noted in the corpus with its reason); whether all could be used.
pub async fn add_list_pieces(corpus: &Corpus, downloads: Vec<(ListPiece, Download)>) -> bool {
    let mut all = true;
    for (piece, download) in downloads {
        let added = match download.unpacked(&frame::LIST).await {
            Ok(body) => corpus.add_list_piece(piece, body),
            Err(error) => Err(error),
        };
        if let Err(error) = added {
            corpus.list_piece_failed(piece, error);
            all = false;
        }
    }
    all
}

/// Downloads the chunk files holding the full records of `docs` that are not
/// at hand yet (an export of many releases needs them all).
pub async fn load_full(corpus: Rc<Corpus>, docs: &[u32]) -> Result<(), CorpusError> {
    let mut missing: Vec<u32> = docs
        .iter()
        .filter(|&&d| !corpus.has_full(d))
        .filter_map(|&d| Chunk::of(d, corpus.len()))
        .map(Chunk::first_doc)
        .collect();
    missing.sort_unstable();
    missing.dedup();
    for group in missing.chunks(PARALLEL) {
        let downloads: Vec<(u32, Download)> = group
            .iter()
            .filter_map(|&first| Some((first, Download::of(&corpus, &corpus.chunk_file(first)?))))
            .collect();
        for (first, download) in downloads {
            corpus.add_chunk(first, &download.chunk_body().await?)?;
        }
    }
    Ok(())
}
