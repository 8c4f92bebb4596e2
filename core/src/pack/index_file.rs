//! `index.bin` (the dictionary, dates and facets), `t/<k>.bin` (the pieces
//! of the postings) and `p/<k>.bin` (the pieces of the word positions): see
//! the table in `pack`. Built once at build time, so the browser only
//! decodes them instead of indexing.

use super::frame::{self, Encoding};
use crate::codec::{Reader, Writer};
use crate::query::date_order::DateOrder;
use crate::query::facets::FacetIndex;
use crate::query::inverted::Inverted;
use crate::query::{DecodeError, Facet, Index, Piece, Stream};

const INDEX_MAGIC: &[u8; 4] = b"DLIX";
/// 4: a checksum at the end (of the positions too). 5: the positions in
/// pieces (`p/<k>.bin`, was `positions.bin`), their size in `index.bin`.
/// 6: the postings in pieces too (`t/<k>.bin`). 7: each facet's relation
/// in its own file (`f/<facet>.bin`); `index.bin` keeps the values and how
/// many releases have each. 8: no document lengths (the postings carry
/// each posting's impact instead), only how many documents there are; of
/// each facet's values only the head (`HEAD_VALUES`), the others in
/// `f/<facet>.bin`. 9: the dictionary in pieces (`d/<k>.bin`), only each
/// piece's first term here. 10: the mean document length, and documents
/// appended after the build (`ta/<k>.bin`, `pa/<k>.bin`). 11: a checksum
/// per piece of the postings and positions (the appended ones too), as the
/// dictionary's pieces had.
const INDEX_VERSION: u32 = 11;

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
        self.facets.iter().for_each(|f| f.write_values(&mut w));
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
        let text = Inverted::read(&mut r)?;
        if text.n_docs() != n {
            return Err(r.error("word counts for every document"));
        }
        let mut facets = Vec::with_capacity(6);
        for _ in Facet::ALL {
            facets.push(FacetIndex::read_values(&mut r)?);
        }
        r.done()?;
        let facets: [FacetIndex; 6] = facets.try_into().map_err(|_| r.error("six facets"))?;
        Ok(Index {
            text,
            facets,
            order: DateOrder::of(&dates),
            dates,
        })
    }

    /// A facet's relation (`f/<facet>.bin`: which releases have which value),
    /// as bytes, its body kept as `encoding` says.
    pub fn facet_to_bytes(&self, facet: Facet, encoding: Encoding) -> Vec<u8> {
        let mut w = Writer::default();
        w.varint(facet.index() as u32);
        self.facets[facet.index()].write_relation(&mut w);
        frame::write(&frame::FACETS, encoding, &w.buf)
    }

    /// Adds a facet's relation (its whole file). A gzip body needs the
    /// `gunzip` feature; the browser unpacks it itself and calls
    /// [`Index::add_facet_body`].
    pub fn add_facet(&self, facet: Facet, bytes: &[u8]) -> Result<(), DecodeError> {
        self.add_facet_body(facet, frame::unpack(&frame::FACETS, bytes)?)
    }

    /// Adds a facet's relation, given as its file's body unpacked.
    pub fn add_facet_body(&self, facet: Facet, body: Vec<u8>) -> Result<(), DecodeError> {
        let mut r = Reader::new(&body, frame::FACETS.unpacked);
        if r.varint()? != facet.index() as u32 {
            return Err(r.error("the facet that the file's name says"));
        }
        self.facets[facet.index()].read_relation(&mut r, self.len())?;
        r.done()
    }

    /// A piece of the dictionary, the postings or the positions
    /// (`d/<k>.bin`, `t/<k>.bin`, `p/<k>.bin`), as bytes, its body kept as
    /// `encoding` says: a query reads the pieces of its few terms only.
    pub fn piece_to_bytes(&self, piece: Piece, encoding: Encoding) -> Vec<u8> {
        let mut w = Writer::default();
        w.varint(piece.k);
        self.text.write_piece(piece, &mut w);
        frame::write(frame::of(piece.stream), encoding, &w.buf)
    }

    /// A piece's file, as [`Index::piece_to_bytes`] writes it, from the
    /// bytes [`crate::query::IndexBuilder::finish_with`] handed on.
    pub fn piece_file(piece: Piece, bytes: &[u8], encoding: Encoding) -> Vec<u8> {
        let mut w = Writer::default();
        w.varint(piece.k);
        match piece.stream {
            Stream::Dictionary => w.buf.extend_from_slice(bytes),
            _ => w.bytes(bytes),
        }
        frame::write(frame::of(piece.stream), encoding, &w.buf)
    }

    /// Adds a piece (its whole file) to an index read by `from_bytes`. A
    /// gzip body needs the `gunzip` feature; the browser unpacks it itself
    /// and calls [`Index::add_piece_body`].
    pub fn add_piece(&self, piece: Piece, bytes: Vec<u8>) -> Result<(), DecodeError> {
        self.add_piece_body(piece, frame::unpack(frame::of(piece.stream), &bytes)?)
    }

    /// Adds a piece, given as its file's body unpacked.
    pub fn add_piece_body(&self, piece: Piece, body: Vec<u8>) -> Result<(), DecodeError> {
        let body = std::sync::Arc::new(body);
        let mut r = Reader::new(&body, frame::of(piece.stream).unpacked);
        if r.varint()? != piece.k {
            return Err(r.error("the piece that the file's name says"));
        }
        self.text.read_piece(piece, &mut r, &body)?;
        r.done()
    }

    /// Adds pieces and facets' relations by their files' names
    /// (`t/0.bin`, `p/0.bin`, `f/country.bin`): tools and tests; the app
    /// adds those its views need.
    pub fn add_pieces(
        &self,
        files: impl IntoIterator<Item = (String, Vec<u8>)>,
    ) -> Result<(), DecodeError> {
        for (name, bytes) in files {
            if let Some(facet) = Facet::from_file(&name) {
                self.add_facet(facet, &bytes)?;
                continue;
            }
            let piece = Piece::from_file(&name).ok_or(DecodeError {
                file: "index.bin",
                offset: 0,
                expected: "a piece's file name (d/N.bin, t/N.bin, p/N.bin, ta/N.bin, pa/N.bin or f/<facet>.bin)",
            })?;
            self.add_piece(piece, bytes)?;
        }
        Ok(())
    }
}
