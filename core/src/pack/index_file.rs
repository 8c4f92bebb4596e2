//! `index.bin` (the search index and facets) and `p/<k>.bin` (the pieces of
//! the word positions): see the table in `pack`. Built once at build time,
//! so the browser only decodes them instead of indexing.

use super::frame::{self, Encoding, POSITIONS};
use crate::codec::{Reader, Writer};
use crate::query::facets::FacetIndex;
use crate::query::index::date_order;
use crate::query::inverted::Inverted;
use crate::query::{DecodeError, Facet, Index};

const INDEX_MAGIC: &[u8; 4] = b"DLIX";
/// 4: a checksum at the end (of the positions too). 5: the positions in
/// pieces (`p/<k>.bin`, was `positions.bin`), their size in `index.bin`.
const INDEX_VERSION: u32 = 5;

impl Index {
    /// The index as bytes (`index.bin`): built once at build time, so the
    /// browser only decodes it (`Index::from_bytes`) instead of indexing.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.magic(INDEX_MAGIC, INDEX_VERSION);
        w.len(self.dates.len());
        // Dates as zigzag deltas: neighbours in newest-first order are close.
        let mut last = 0i64;
        for &d in &self.dates {
            let delta = i64::from(d) - last;
            w.varint(((delta << 1) ^ (delta >> 63)) as u32);
            last = i64::from(d);
        }
        self.text.write(&mut w);
        self.facets.iter().for_each(|f| f.write(&mut w));
        w.finish()
    }

    /// Takes the file: the postings stay in it, as they are.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Index, DecodeError> {
        let file = std::sync::Arc::new(bytes);
        let mut r = Reader::new(&file, "index.bin");
        r.magic(INDEX_MAGIC, INDEX_VERSION)?;
        r.checksummed()?;
        let n = r.count(1)?;
        let mut dates = Vec::with_capacity(n);
        let mut last = 0i64;
        for _ in 0..n {
            let z = i64::from(r.varint()?);
            last += (z >> 1) ^ -(z & 1);
            dates.push(u32::try_from(last).map_err(|_| r.error("a date"))?);
        }
        let text = Inverted::read(&mut r, &file)?;
        if text.n_docs() != n {
            return Err(r.error("word counts for every document"));
        }
        let mut facets = Vec::with_capacity(6);
        for _ in Facet::ALL {
            facets.push(FacetIndex::read(&mut r, n)?);
        }
        r.done()?;
        let facets: [FacetIndex; 6] = facets.try_into().map_err(|_| r.error("six facets"))?;
        let (newest, rank) = date_order(&dates);
        Ok(Index {
            text,
            facets,
            dates,
            newest,
            rank,
        })
    }

    /// Piece `k` of the word positions (`p/<k>.bin`), as bytes, its body
    /// kept as `encoding` says: needed for exact phrases only, and only for
    /// their words.
    pub fn position_piece_to_bytes(&self, k: u32, encoding: Encoding) -> Vec<u8> {
        let mut w = Writer::default();
        w.varint(k);
        w.bytes(self.text.position_piece(k));
        frame::write(&POSITIONS, encoding, &w.buf)
    }

    /// Adds piece `k` of the positions (`p/<k>.bin`, the whole file) to an
    /// index read by `from_bytes`: until its pieces are here, a quoted
    /// phrase matches the releases with all its words. A gzip body needs
    /// the `gunzip` feature; the browser unpacks it itself and calls
    /// [`Index::add_position_piece_body`].
    pub fn add_position_piece(&self, k: u32, bytes: Vec<u8>) -> Result<(), DecodeError> {
        self.add_position_piece_body(k, frame::unpack(&POSITIONS, &bytes)?)
    }

    /// Adds piece `k` of the positions, given as its file's body unpacked.
    pub fn add_position_piece_body(&self, k: u32, body: Vec<u8>) -> Result<(), DecodeError> {
        let body = std::sync::Arc::new(body);
        let mut r = Reader::new(&body, POSITIONS.unpacked);
        if r.varint()? != k {
            return Err(r.error("the piece of the positions that the file's name says"));
        }
        self.text.read_position_piece(k, &mut r, &body)?;
        r.done()
    }

    /// Adds every piece of the positions, in order (tools and tests; the
    /// app adds the pieces its phrases need).
    pub fn add_positions(&self, pieces: Vec<Vec<u8>>) -> Result<(), DecodeError> {
        if pieces.len() != self.position_pieces() as usize {
            return Err(DecodeError {
                file: POSITIONS.file,
                offset: 0,
                expected: "as many pieces of the positions as index.bin says",
            });
        }
        (0u32..)
            .zip(pieces)
            .try_for_each(|(k, bytes)| self.add_position_piece(k, bytes))
    }
}
