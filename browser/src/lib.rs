//! What the app (`src/`) and the import worker (`import/`) both do in the
//! browser: unpack a framed file's body (`pack::frame`: a chunk of full
//! records, a piece of the word positions) with the browser's own
//! `DecompressionStream`, so that neither wasm links an inflater (flate2's
//! cost about 10 kB brotli in the worker).

use dateline_core::pack::frame::{self, Encoding, Kind};
use dateline_core::query::DecodeError;
use js_sys::Uint8Array;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, ReadableStream, ReadableStreamDefaultReader, ReadableWritablePair, WritableStream,
};

// web-sys puts `DecompressionStream` behind `--cfg=web_sys_unstable_apis`
// (a flag for the whole build); the three members used are declared here.
#[wasm_bindgen]
extern "C" {
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> WritableStream;
}

/// A chunk file's body, checked (magic, version, checksum) and unpacked:
/// what `pack::records::read_body` reads. The error's offset is in the file,
/// or 0 with what the body should have been.
pub async fn chunk_body(file: &[u8]) -> Result<Vec<u8>, DecodeError> {
    unpack(&frame::RECORDS, file).await
}

/// A framed file's body (`pack::frame`), checked and unpacked.
pub async fn unpack(kind: &Kind, file: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let body = frame::open(kind, file)?;
    match body.encoding {
        Encoding::Stored => Ok(body.bytes.to_vec()),
        Encoding::Gzip => gunzip(body.bytes, body.unpacked_len)
            .await
            .map_err(|expected| DecodeError {
                file: kind.file,
                offset: 0,
                expected,
            }),
    }
}

/// `gzip` unpacked, read piece by piece so that it stops at `len` bytes
/// whatever the data claims: exactly `len` bytes, or why not.
async fn gunzip(gzip: &[u8], len: usize) -> Result<Vec<u8>, &'static str> {
    const DAMAGED: &str = "a gzip body that unpacks (the file is damaged)";
    let start = || -> Result<ReadableStreamDefaultReader, JsValue> {
        let parts = js_sys::Array::of1(&Uint8Array::from(gzip));
        let stream = Blob::new_with_u8_array_sequence(&parts)?.stream();
        let unpack = DecompressionStream::new("gzip")?;
        let pair = ReadableWritablePair::new(&unpack.readable(), &unpack.writable());
        Ok(stream.pipe_through(&pair).get_reader().unchecked_into())
    };
    let reader = start().map_err(|_| "a browser that unpacks gzip (DecompressionStream)")?;
    let mut out = Vec::with_capacity(len);
    loop {
        let step = JsFuture::from(reader.read()).await.map_err(|_| DAMAGED)?;
        let field = |name: &str| js_sys::Reflect::get(&step, &JsValue::from_str(name));
        if field("done").map_err(|_| DAMAGED)?.is_truthy() {
            break;
        }
        let piece: Uint8Array = field("value").map_err(|_| DAMAGED)?.unchecked_into();
        let at = out.len();
        if at + piece.length() as usize > len {
            let _ = reader.cancel();
            return Err("a body no longer than its header says");
        }
        out.resize(at + piece.length() as usize, 0);
        piece.copy_to(&mut out[at..]);
    }
    match out.len() == len {
        true => Ok(out),
        false => Err("a body as long as its header says"),
    }
}
