//! Component tests of the import controls in a real browser: the progress
//! bar, Cancel and the problems list; the set switch; and a corpus made from
//! the data files an import produces, read locally rather than downloaded.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use dateline_app::components::{
    import_status_view, set_switch, ImportStatusViewProps, SetSwitchProps,
};
use dateline_app::fetch::Download;
use dateline_app::hooks::{ImportStatus, Outcome, Phase};
use dateline_app::Corpus;
use dateline_core::import::{DataFile, Problem, Set};
use dateline_core::pack;
use dateline_core::Release;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlSelectElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

// The status view and the set switch are plain functions in the app: each
// is rendered alone here through a component of the test's own.
#[function_component(ImportStatusView)]
fn import_status_alone(props: &ImportStatusViewProps) -> Html {
    import_status_view(props)
}

#[function_component(SetSwitch)]
fn set_switch_alone(props: &SetSwitchProps) -> Html {
    set_switch(props)
}

async fn render<C: BaseComponent>(props: C::Properties) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

fn problem(error: bool, text: &str) -> Problem {
    Problem {
        error,
        text: text.into(),
    }
}

#[wasm_bindgen_test]
async fn reading_shows_a_labelled_bar_a_live_sentence_and_a_working_cancel() {
    let cancelled = Rc::new(RefCell::new(0));
    let on_cancel = {
        let cancelled = cancelled.clone();
        Callback::from(move |()| *cancelled.borrow_mut() += 1)
    };
    let status = ImportStatus {
        phase: Phase::Reading { done: 3, total: 8 },
        ..ImportStatus::default()
    };
    let root = render::<ImportStatusView>(ImportStatusViewProps { status, on_cancel }).await;
    let bar = root
        .query_selector("progress[aria-label='Files read']")
        .unwrap()
        .unwrap();
    assert_eq!(bar.get_attribute("value").as_deref(), Some("3"));
    assert_eq!(bar.get_attribute("max").as_deref(), Some("8"));
    let status = root.query_selector("[role=status]").unwrap().unwrap();
    assert_eq!(status.text_content().unwrap(), "Reading files: 3 of 8…");
    let cancel = root.query_selector("button").unwrap().unwrap();
    assert_eq!(cancel.text_content().unwrap(), "Cancel import");
    cancel.unchecked_into::<HtmlElement>().click();
    assert_eq!(*cancelled.borrow(), 1);
}

#[wasm_bindgen_test]
async fn problems_are_listed_in_the_clis_form_and_a_failure_is_an_alert() {
    let status = ImportStatus {
        phase: Phase::Idle,
        outcome: Some(Outcome::Failed("Storage is full.".into())),
        problems: vec![
            problem(true, "a/bad.json:3: error: expected a JSON record"),
            problem(false, "a/photo.jpg: warning: not a release file"),
        ],
        problem_count: 5,
    };
    let root = render::<ImportStatusView>(ImportStatusViewProps {
        status,
        on_cancel: Callback::noop(),
    })
    .await;
    assert!(root.query_selector("progress").unwrap().is_none());
    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    assert_eq!(alert.text_content().unwrap(), "Storage is full.");
    let summary = root.query_selector("details summary").unwrap().unwrap();
    assert_eq!(
        summary.text_content().unwrap(),
        "5 problems (the first 2 listed)"
    );
    let details = root.query_selector("details").unwrap().unwrap();
    assert!(details.has_attribute("open"), "errors open the list");
    let items = root.query_selector_all("details li").unwrap();
    assert_eq!(items.length(), 2);
    assert_eq!(
        items.item(0).unwrap().text_content().unwrap(),
        "a/bad.json:3: error: expected a JSON record"
    );
}

#[wasm_bindgen_test]
async fn the_set_switch_names_every_set_and_reports_the_choice() {
    let chosen = Rc::new(RefCell::new(None));
    let on_change = {
        let chosen = chosen.clone();
        Callback::from(move |set: Set| *chosen.borrow_mut() = Some(set))
    };
    let root = render::<SetSwitch>(SetSwitchProps {
        value: Set::Mine,
        on_change,
        disabled: false,
    })
    .await;
    let label = root.query_selector("label").unwrap().unwrap();
    assert!(label.text_content().unwrap().starts_with("Releases shown"));
    let select: HtmlSelectElement = root
        .query_selector("select")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(select.value(), "mine");
    let options: Vec<String> = (0..select.length())
        .filter_map(|i| select.item(i))
        .map(|o| o.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        options,
        ["This site's releases", "My releases", "Both, merged"]
    );
    select.set_value("both");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    assert_eq!(*chosen.borrow(), Some(Set::Both));
}

fn release(id: &str, date: &str, title: &str) -> Release {
    serde_json::from_value(serde_json::json!({
        "id": id, "source": format!("{id}.txt"), "title": title, "date": date,
        "body": [format!("{title}: the full text.")]
    }))
    .unwrap()
}

/// The files of `releases` as the build writes them: chunk bodies gzip-compressed
/// (but the list's first piece, which `Corpus::from_files` reads at once,
/// stored as the import worker keeps it).
fn gzip_files(releases: Vec<Release>) -> Vec<DataFile> {
    let mut files = Vec::new();
    let written = pack::pack_files_with(releases.clone(), pack::Encoding::Gzip, |f| {
        files.push(f);
        Ok::<(), ()>(())
    });
    assert!(written.is_ok());
    let stored = pack::pack_files(releases);
    let first = stored.into_iter().find(|f| f.path == "l/0.bin").unwrap();
    let slot = files.iter_mut().find(|f| f.path == "l/0.bin").unwrap();
    assert_eq!(
        pack::frame::unpack(&pack::frame::LIST, &first.bytes)
            .unwrap()
            .len(),
        pack::frame::open(&pack::frame::LIST, &slot.bytes)
            .unwrap()
            .unpacked_len,
        "the same list, stored"
    );
    *slot = first;
    files
}

/// The build's chunk files are gzip inside: the browser's own
/// `DecompressionStream` unpacks them to exactly the records written, and a
/// body that does not unpack, or unpacks longer or shorter than its header
/// says, is an error naming the file, not a panic or a wrong record.
#[wasm_bindgen_test]
async fn gzip_chunk_bodies_unpack_in_the_browser_and_damage_is_an_error() {
    let releases: Vec<Release> = (0..70)
        .map(|n| release(&format!("g{n}"), "2021-03-04", &format!("Gzip release {n}")))
        .collect();
    let files = gzip_files(releases.clone());
    let chunk = files
        .iter()
        .find(|f| f.path == "r/0.bin")
        .unwrap()
        .bytes
        .clone();
    let body = pack::records::open(&chunk).unwrap();
    assert_eq!(body.encoding, pack::Encoding::Gzip);
    let corpus = Rc::new(Corpus::from_files(files.clone()).unwrap());
    let unpacked = Download::of(&corpus, "data/r/0.bin")
        .chunk_body()
        .await
        .unwrap();
    assert_eq!(unpacked.len(), body.unpacked_len);
    corpus.add_chunk(0, &unpacked).unwrap();
    let newest = corpus.full(0).expect("the first record");
    assert!(newest.body[0].ends_with("the full text."), "{newest:?}");
    assert_eq!(pack::records::read_body(&unpacked).unwrap().len(), 64);

    // The pieces of the dictionary, the postings and the word positions
    // are gzip inside too, and unpacked alike: a word's piece of the
    // dictionary says which postings it needs, the words match once their
    // postings are added, and a phrase is exact once its positions are.
    use dateline_core::query::{Piece, Stream};
    let dictionary = Piece {
        stream: Stream::Dictionary,
        k: 0,
    };
    let (postings, positions) = (
        Piece {
            stream: Stream::Postings,
            k: 0,
        },
        Piece {
            stream: Stream::Positions,
            k: 0,
        },
    );
    let phrase = dateline_core::query::Filter::from_query("q=%22release+gzip%22");
    assert!(corpus.waits_for_pieces(&phrase));
    assert_eq!(corpus.index().search(&phrase).total, 0, "no postings yet");
    assert_eq!(corpus.pieces_to_fetch(&phrase), Some(vec![dictionary]));
    assert_eq!(corpus.pieces_to_fetch(&phrase), Some(vec![]), "asked once");
    for piece in [dictionary, postings, positions] {
        let file = &files.iter().find(|f| f.path == piece.file()).unwrap().bytes;
        let kind = pack::frame::of(piece.stream);
        let framed_piece = pack::frame::open(kind, file).unwrap();
        assert_eq!(framed_piece.encoding, pack::Encoding::Gzip);
        let piece_body = Download::of(&corpus, &Corpus::piece_file(piece))
            .unpacked(kind)
            .await
            .unwrap();
        assert_eq!(piece_body.len(), framed_piece.unpacked_len);
        corpus.add_piece(piece, piece_body).unwrap();
        if piece == dictionary {
            assert!(corpus.waits_for_pieces(&phrase));
            assert_eq!(corpus.index().search(&phrase).total, 0, "no postings yet");
            assert_eq!(
                corpus.pieces_to_fetch(&phrase),
                Some(vec![postings, positions])
            );
        }
        if piece == postings {
            assert!(!corpus.waits_for_pieces(&phrase));
            assert_eq!(
                corpus.index().search(&phrase).total,
                70,
                "all the words, till the positions come"
            );
        }
    }
    assert!(corpus.has_pieces_for(&phrase));
    assert_eq!(corpus.index().search(&phrase).total, 0, "exact");

    // The same gzip bytes in a frame that claims another length, or bytes
    // that are no gzip at all (each frame's checksum is right).
    let gzip = body.bytes.to_vec();
    let framed = |len: usize, bytes: &[u8]| {
        let mut w = Vec::new();
        w.extend_from_slice(b"DLRC\x02\x01");
        push_varint(&mut w, len);
        push_varint(&mut w, bytes.len());
        w.extend_from_slice(bytes);
        let sum = adler32(&w);
        w.extend_from_slice(&sum.to_le_bytes());
        w
    };
    assert!(pack::records::open(&framed(body.unpacked_len, &gzip)).is_ok());
    for (len, bytes, expected) in [
        (body.unpacked_len - 1, &gzip[..], "no longer than"),
        (body.unpacked_len + 1, &gzip[..], "as long as"),
        (body.unpacked_len, &b"not gzip at all"[..], "gzip"),
        (body.unpacked_len, &gzip[..gzip.len() - 9], "gzip"),
    ] {
        let mut damaged = files.clone();
        damaged
            .iter_mut()
            .find(|f| f.path == "r/0.bin")
            .unwrap()
            .bytes = framed(len, bytes);
        let corpus = Corpus::from_files(damaged).unwrap();
        let e = Download::of(&corpus, "data/r/0.bin")
            .chunk_body()
            .await
            .unwrap_err();
        let shown = e.to_string();
        assert!(
            shown.contains("data/r/0.bin") && shown.contains(expected),
            "{shown}"
        );
    }
}

fn push_varint(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Adler-32, as `codec` checks it (written out: the test must not trust the code it tests).
fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in bytes {
        a = (a + u32::from(x)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

#[wasm_bindgen_test]
async fn a_corpus_from_imported_files_searches_and_reads_its_records_locally() {
    let releases: Vec<Release> = (0..70)
        .map(|n| {
            release(
                &format!("r{n}"),
                &format!("2020-01-{:02}", n % 28 + 1),
                &format!("Release {n} on wetlands"),
            )
        })
        .collect();
    let packed = pack::pack(releases);
    let mut files = vec![DataFile {
        path: "index.bin".into(),
        bytes: packed.index,
    }];
    files.extend(
        packed
            .lists
            .into_iter()
            .map(|(path, bytes)| DataFile { path, bytes }),
    );
    files.extend(
        [packed.pieces, packed.facets]
            .concat()
            .into_iter()
            .map(|(path, bytes)| DataFile { path, bytes }),
    );
    files.extend(
        packed
            .chunks
            .into_iter()
            .map(|(path, bytes)| DataFile { path, bytes }),
    );
    let corpus = Rc::new(Corpus::from_files(files).expect("the import's files decode"));
    assert_eq!(corpus.len(), 70);
    let filter = dateline_core::query::Filter::from_query("q=%22wetlands+Release%22");
    assert!(corpus.waits_for_pieces(&filter), "no postings yet");
    // The pieces the phrase needs (its words' piece of the dictionary,
    // then their postings and positions) are read from the corpus too.
    let dictionary = corpus.pieces_to_fetch(&filter).expect("missing");
    assert_eq!(
        dictionary.iter().map(|p| p.file()).collect::<Vec<_>>(),
        ["d/0.bin"]
    );
    for piece in dictionary {
        let bytes = Download::of(&corpus, &Corpus::piece_file(piece))
            .unpacked(pack::frame::of(piece.stream))
            .await
            .expect("read locally");
        corpus.add_piece(piece, bytes).expect("fits");
    }
    assert!(corpus.waits_for_pieces(&filter), "no postings yet");
    let pieces = corpus.pieces_to_fetch(&filter).expect("missing");
    assert_eq!(
        pieces.iter().map(|p| p.file()).collect::<Vec<_>>(),
        ["t/0.bin", "p/0.bin"]
    );
    assert_eq!(
        corpus.pieces_to_fetch(&filter),
        Some(Vec::new()),
        "asked for once"
    );
    for piece in pieces {
        let bytes = Download::of(&corpus, &Corpus::piece_file(piece))
            .unpacked(pack::frame::of(piece.stream))
            .await
            .expect("read locally");
        corpus.add_piece(piece, bytes).expect("fits");
        if piece.stream == dateline_core::query::Stream::Postings {
            assert_eq!(
                corpus.index().search(&filter).total,
                70,
                "all the words, until the positions are here"
            );
        }
    }
    assert!(corpus.has_pieces_for(&filter));
    assert_eq!(corpus.pieces_to_fetch(&filter), None, "all here");
    assert_eq!(
        corpus.index().search(&filter).total,
        0,
        "exact: no title has the words in that order"
    );
    let filter = dateline_core::query::Filter::from_query("q=%22Release+12+on%22");
    assert_eq!(
        corpus.index().search(&filter).total,
        1,
        "phrases work: positions were added"
    );
    // Two chunk files; the second is read from the corpus, not the network
    // (there is no server for it here).
    let doc = 69;
    let file = corpus.chunk_file(doc).unwrap();
    assert_eq!(file, "data/r/1.bin");
    let bytes = Download::of(&corpus, &file)
        .chunk_body()
        .await
        .expect("read locally");
    corpus.add_chunk(doc, &bytes).unwrap();
    assert!(corpus
        .full(doc)
        .is_some_and(|r| r.body[0].ends_with("the full text.")));
    // A file is taken once: the corpus keeps the records, not the bytes.
    assert!(corpus.take_local(&file).is_none());
    let missing = Corpus::from_files(Vec::new()).unwrap_err();
    assert!(missing.to_string().contains("data/l/0.bin"), "{missing}");
}
