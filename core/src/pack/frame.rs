//! The one layout of the files whose body may be gzip-compressed inside: a
//! plain header, the body as it is or gzip, a checksum. The build
//! compresses (the chunks of full records and the pieces of the word
//! positions are most of a site's bytes), the browser unpacks with its own
//! `DecompressionStream` (`browser/`), so the app links no inflater; the
//! import worker stores its files as they are.
//!
//! ```text
//! magic version encoding(0 stored | 1 gzip) body_len  body_bytes  adler32
//! ```

use crate::codec::{Reader, Writer};
use crate::query::DecodeError;

/// How a file keeps its body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// As it is (the import worker's files).
    Stored,
    /// gzip (RFC 1952), as the build writes it.
    Gzip,
}

/// One kind of framed file: its magic, version, the name its errors give,
/// and the largest body it may declare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kind {
    pub magic: &'static [u8; 4],
    pub version: u32,
    /// The name errors give (the app adds the file's own path).
    pub file: &'static str,
    /// The name errors in a body give: offsets count in the body as unpacked.
    pub unpacked: &'static str,
    /// Unpacking stops there whatever the file claims (a small damaged or
    /// hostile file cannot make the reader allocate gigabytes).
    pub max_body: usize,
    /// What a body above `max_body` is said to be.
    pub max_body_says: &'static str,
    /// The build's gzip level (0-9) for this kind's bodies.
    pub gzip_level: u32,
}

/// `r/<n>.bin`, the chunks of full records (`super::records`).
pub const RECORDS: Kind = Kind {
    magic: b"DLRC",
    version: 2,
    file: "r/N.bin",
    unpacked: "r/N.bin's body (unpacked)",
    max_body: super::records::MAX_BODY_BYTES,
    max_body_says: "a body of at most 1,280 MiB",
    // Level 6: level 4 would save a sixth of the packing's compression but
    // make every detail view's download 4 % larger (BENCHMARKS.md,
    // "Sessions 24 and 25").
    gzip_level: 6,
};

/// `l/<k>.bin`, the pieces of the list records (`super::list`): the
/// piece's number, then its records.
pub const LIST: Kind = Kind {
    magic: b"DLLS",
    version: 4,
    file: "l/N.bin",
    unpacked: "l/N.bin's body (unpacked)",
    max_body: super::records::MAX_BODY_BYTES,
    max_body_says: "a body of at most 1,280 MiB",
    gzip_level: 6,
};

/// `f/<facet>.bin`, the relation of one facet (`super::index_file`): the
/// facet's number, then each document's values.
pub const FACETS: Kind = Kind {
    magic: b"DLFC",
    // 2: the facet's values past the head of `index.bin` come first.
    version: 2,
    file: "f/<facet>.bin",
    unpacked: "f/<facet>.bin's body (unpacked)",
    max_body: super::records::MAX_BODY_BYTES,
    max_body_says: "a body of at most 1,280 MiB",
    gzip_level: 6,
};

/// `p/<k>.bin`, the pieces of the word positions (`super::index_file`):
/// the piece's number, then its bytes of the positions stream.
pub const POSITIONS: Kind = Kind {
    magic: b"DLPS",
    version: 5,
    file: "p/N.bin",
    unpacked: "p/N.bin's body (unpacked)",
    // The piece's number and length (at most 10 bytes), then its bytes.
    max_body: crate::query::inverted::MAX_PIECE_BYTES as usize + 10,
    max_body_says: "a body of at most 8 MiB",
    // Level 4 (zlib-rs's shorter match chains): the positions come out
    // 0.2 % larger than at 6, for less of the build's time (BENCHMARKS.md,
    // "Sessions 24 and 25").
    gzip_level: 4,
};

/// `t/<k>.bin`, the pieces of the postings (`super::index_file`): the
/// piece's number, then its bytes of the postings stream.
pub const POSTINGS: Kind = Kind {
    magic: b"DLPT",
    // 2: each posting's frequency became its impact (one byte).
    version: 2,
    file: "t/N.bin",
    unpacked: "t/N.bin's body (unpacked)",
    max_body: crate::query::inverted::MAX_PIECE_BYTES as usize + 10,
    max_body_says: "a body of at most 8 MiB",
    // Level 6: level 4 would save a fifth of the instructions spent on them
    // but make every query's download 2.4 % larger (BENCHMARKS.md, "Sessions
    // 24 and 25").
    gzip_level: 6,
};

/// `ta/<k>.bin`, the pieces of the appended documents' postings: as
/// [`POSTINGS`] (same magic and layout), named for their own folder.
pub const ADDED_POSTINGS: Kind = Kind {
    file: "ta/N.bin",
    unpacked: "ta/N.bin's body (unpacked)",
    ..POSTINGS
};

/// `pa/<k>.bin`, the pieces of the appended documents' positions: as
/// [`POSITIONS`].
pub const ADDED_POSITIONS: Kind = Kind {
    file: "pa/N.bin",
    unpacked: "pa/N.bin's body (unpacked)",
    ..POSITIONS
};

/// `d/<k>.bin`, the pieces of the term dictionary (`super::index_file`):
/// the piece's number, then its terms and where each one's postings and
/// positions start.
pub const DICTIONARY: Kind = Kind {
    magic: b"DLDC",
    // 2: whether the terms' offsets among appended documents follow.
    version: 2,
    file: "d/N.bin",
    unpacked: "d/N.bin's body (unpacked)",
    max_body: crate::query::inverted::MAX_PIECE_BYTES as usize + 10,
    max_body_says: "a body of at most 8 MiB",
    gzip_level: 6,
};

/// The kind of a stream's pieces.
pub fn of(stream: crate::query::Stream) -> &'static Kind {
    match stream {
        crate::query::Stream::Dictionary => &DICTIONARY,
        crate::query::Stream::Postings => &POSTINGS,
        crate::query::Stream::Positions => &POSITIONS,
        crate::query::Stream::AddedPostings => &ADDED_POSTINGS,
        crate::query::Stream::AddedPositions => &ADDED_POSITIONS,
    }
}

/// A framed file's body as the file keeps it, after its header was checked.
#[derive(Debug, PartialEq, Eq)]
pub struct Body<'a> {
    pub encoding: Encoding,
    /// The body's length once unpacked (at most the kind's `max_body`).
    pub unpacked_len: usize,
    pub bytes: &'a [u8],
}

/// A file of `kind` keeping `raw` as `encoding` says (where the `gzip`
/// feature is missing, stored: only the CLI asks for gzip, and it has it).
pub fn write(kind: &Kind, encoding: Encoding, raw: &[u8]) -> Vec<u8> {
    match encoding {
        #[cfg(feature = "gzip")]
        Encoding::Gzip => {
            use std::io::Write;
            let level = flate2::Compression::new(kind.gzip_level);
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), level);
            // Writing to a Vec cannot fail.
            let packed = gz.write_all(raw).and_then(|()| gz.finish());
            frame(kind, Encoding::Gzip, raw.len(), &packed.unwrap_or_default())
        }
        _ => frame(kind, Encoding::Stored, raw.len(), raw),
    }
}

/// The file: header, `body` as given, checksum.
pub(crate) fn frame(kind: &Kind, encoding: Encoding, unpacked_len: usize, body: &[u8]) -> Vec<u8> {
    let mut w = Writer::default();
    w.magic(kind.magic, kind.version);
    w.varint(encoding as u32);
    w.len(unpacked_len);
    w.bytes(body);
    w.finish()
}

/// Checks a file's magic, version and checksum and finds its body.
pub fn open<'a>(kind: &Kind, bytes: &'a [u8]) -> Result<Body<'a>, DecodeError> {
    let mut r = Reader::new(bytes, kind.file);
    r.magic(kind.magic, kind.version)?;
    r.checksummed()?;
    let encoding = match r.varint()? {
        0 => Encoding::Stored,
        1 => Encoding::Gzip,
        _ => return Err(r.error("a body encoding: 0 (stored) or 1 (gzip)")),
    };
    let at = r.at;
    let unpacked_len = r.varint()? as usize;
    if unpacked_len > kind.max_body {
        return Err(DecodeError {
            file: kind.file,
            offset: at,
            expected: kind.max_body_says,
        });
    }
    let at = r.at;
    let body = r.bytes()?;
    r.done()?;
    if encoding == Encoding::Stored && body.len() != unpacked_len {
        return Err(DecodeError {
            file: kind.file,
            offset: at,
            expected: "a stored body as long as the header says",
        });
    }
    Ok(Body {
        encoding,
        unpacked_len,
        bytes: body,
    })
}

/// A file's body, checked and unpacked (natively; the browser unpacks with
/// its own `DecompressionStream`). Without the `gunzip` feature a gzip body
/// is an error.
pub fn unpack(kind: &Kind, bytes: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let body = open(kind, bytes)?;
    match body.encoding {
        Encoding::Stored => Ok(body.bytes.to_vec()),
        #[cfg(feature = "gunzip")]
        Encoding::Gzip => gunzip(kind, &body),
        #[cfg(not(feature = "gunzip"))]
        Encoding::Gzip => Err(DecodeError {
            file: kind.file,
            offset: 0,
            expected: "a stored body (this reader does not unpack gzip)",
        }),
    }
}

/// A gzip body unpacked, no longer than its header says.
#[cfg(feature = "gunzip")]
pub(crate) fn gunzip(kind: &Kind, body: &Body<'_>) -> Result<Vec<u8>, DecodeError> {
    use std::io::Read;
    let mut raw = Vec::with_capacity(body.unpacked_len);
    let limit = body.unpacked_len as u64 + 1;
    let unpacked = flate2::read::GzDecoder::new(body.bytes)
        .take(limit)
        .read_to_end(&mut raw);
    let error = |offset, expected| DecodeError {
        file: kind.unpacked,
        offset,
        expected,
    };
    match unpacked {
        Err(_) => Err(error(raw.len(), "gzip data (the body is damaged)")),
        Ok(n) if n != body.unpacked_len => Err(error(
            n.min(body.unpacked_len),
            "a body as long as the header says",
        )),
        Ok(_) => Ok(raw),
    }
}
