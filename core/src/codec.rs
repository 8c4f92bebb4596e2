//! The byte format of every packed data file: little-endian varints, sorted
//! id lists as deltas, strings as length + UTF-8. Written by hand because it
//! is tiny, decodes at memory speed in the browser and adds nothing to the
//! wasm (a general serialisation crate costs tens of kilobytes).
//!
//! Every file ends with the Adler-32 checksum of what precedes it, so that a
//! byte damaged anywhere (not only in a count or an offset) is an error, not
//! a wrong search result.

/// Why a packed file could not be read: where, and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file} is damaged at byte {offset}: expected {expected}")]
pub struct DecodeError {
    /// The file, as the app names it (`list.bin`, `index.bin`).
    pub file: &'static str,
    /// Byte offset of the problem.
    pub offset: usize,
    pub expected: &'static str,
}

#[derive(Default)]
pub(crate) struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn magic(&mut self, magic: &[u8; 4], version: u32) {
        self.buf.extend_from_slice(magic);
        self.varint(version);
    }

    pub fn varint(&mut self, n: u32) {
        push_varint(&mut self.buf, n);
    }

    /// The file: what was written, then its checksum.
    pub fn finish(mut self) -> Vec<u8> {
        let sum = adler2::adler32_slice(&self.buf);
        self.buf.extend_from_slice(&sum.to_le_bytes());
        self.buf
    }

    pub fn len(&mut self, n: usize) {
        self.varint(u32::try_from(n).unwrap_or(u32::MAX));
    }

    /// Four bytes, little-endian (a checksum, a float's bits).
    pub fn u32_le(&mut self, n: u32) {
        self.buf.extend_from_slice(&n.to_le_bytes());
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.buf.extend_from_slice(b);
    }

    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            // 0 = none; else length + 1.
            None => self.varint(0),
            Some(s) => {
                self.len(s.len() + 1);
                self.buf.extend_from_slice(s.as_bytes());
            }
        }
    }

    /// Any list of numbers, each as a varint.
    pub fn u32s(&mut self, xs: impl ExactSizeIterator<Item = u32>) {
        self.len(xs.len());
        xs.for_each(|x| self.varint(x));
    }

    /// Offsets `[0, a, b, ...]` (non-decreasing) as the lengths between them.
    pub fn starts(&mut self, starts: &[u32]) {
        self.len(starts.len());
        let mut last = 0;
        for &s in starts {
            self.varint(s.wrapping_sub(last));
            last = s;
        }
    }
}

/// Appends `n` as a little-endian base-128 varint.
pub(crate) fn push_varint(out: &mut Vec<u8>, n: u32) {
    let (bytes, len) = varint_bytes(n);
    out.extend_from_slice(&bytes[..len]);
}

/// `n` as `push_varint` writes it: the bytes, and how many of them count
/// (for writing in place, into a buffer sized beforehand).
pub(crate) fn varint_bytes(mut n: u32) -> ([u8; 5], usize) {
    let mut bytes = [0u8; 5];
    let mut len = 0;
    while n >= 0x80 {
        bytes[len] = (n as u8) | 0x80;
        n >>= 7;
        len += 1;
    }
    bytes[len] = n as u8;
    (bytes, len + 1)
}

/// Reads a varint at `*at`, moving past it, from bytes that a `Reader` has
/// already checked (postings read in place): no error path on the hot loop;
/// 0 at the end of the data, high bits past 32 dropped.
#[inline]
pub(crate) fn read_checked_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let mut n = 0u32;
    let mut shift = 0u32;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        n |= u32::from(b & 0x7F).checked_shl(shift).unwrap_or(0);
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    n
}

#[derive(Clone)]
pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pub at: usize,
    file: &'static str,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8], file: &'static str) -> Reader<'a> {
        Reader { buf, at: 0, file }
    }

    pub fn error(&self, expected: &'static str) -> DecodeError {
        self.error_at(self.at, expected)
    }

    /// An error at `offset` of this file, before the place read up to.
    pub fn error_at(&self, offset: usize, expected: &'static str) -> DecodeError {
        DecodeError {
            file: self.file,
            offset,
            expected,
        }
    }

    pub fn magic(&mut self, magic: &[u8; 4], version: u32) -> Result<(), DecodeError> {
        if self.buf.get(..4) != Some(magic.as_slice()) {
            return Err(self.error("a Dateline packed file (wrong magic number)"));
        }
        self.at = 4;
        if self.varint()? != version {
            return Err(self.error("the format version this app reads (rebuild the site)"));
        }
        Ok(())
    }

    /// Checks the checksum that `Writer::finish` put at the end, and reads
    /// no further than the bytes it covers. Called after `magic`, so that a
    /// file of another kind or version says so rather than "damaged".
    pub fn checksummed(&mut self) -> Result<(), DecodeError> {
        let Some(end) = self.buf.len().checked_sub(4).filter(|&e| e >= self.at) else {
            return Err(self.error("a checksum at the end of the file"));
        };
        let (body, sum) = self.buf.split_at(end);
        let written = u32::from_le_bytes([sum[0], sum[1], sum[2], sum[3]]);
        if adler2::adler32_slice(body) != written {
            return Err(DecodeError {
                file: self.file,
                offset: end,
                expected: "bytes that match the file's checksum (the file is damaged or cut short)",
            });
        }
        self.buf = body;
        Ok(())
    }

    /// The bytes read since offset `start`.
    pub fn since(&self, start: usize) -> &'a [u8] {
        self.buf.get(start..self.at).unwrap_or(&[])
    }

    pub fn remaining(&self) -> usize {
        self.buf.len() - self.at
    }

    pub fn done(&self) -> Result<(), DecodeError> {
        match self.at == self.buf.len() {
            true => Ok(()),
            false => Err(self.error("the end of the file")),
        }
    }

    #[inline]
    pub fn varint(&mut self) -> Result<u32, DecodeError> {
        let mut n = 0u32;
        let mut shift = 0u32;
        loop {
            let Some(&b) = self.buf.get(self.at) else {
                return Err(self.error("a number"));
            };
            self.at += 1;
            if shift > 28 {
                return Err(self.error("a number below 2^32"));
            }
            n |= u32::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
            shift += 7;
        }
    }

    /// A count of items each at least `min_bytes` long: bounded by what is
    /// left, so a damaged count cannot make us allocate gigabytes.
    pub fn count(&mut self, min_bytes: usize) -> Result<usize, DecodeError> {
        let n = self.varint()? as usize;
        match n.saturating_mul(min_bytes) <= self.buf.len() - self.at {
            true => Ok(n),
            false => Err(self.error("a count that fits in the file")),
        }
    }

    pub fn take(&mut self, n: usize, expected: &'static str) -> Result<&'a [u8], DecodeError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.buf.len());
        let Some(end) = end else {
            return Err(self.error(expected));
        };
        let out = &self.buf[self.at..end];
        self.at = end;
        Ok(out)
    }

    /// What [`Writer::u32_le`] wrote.
    pub fn u32_le(&mut self, expected: &'static str) -> Result<u32, DecodeError> {
        let b = self.take(4, expected)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub fn bytes(&mut self) -> Result<&'a [u8], DecodeError> {
        let n = self.varint()? as usize;
        self.take(n, "bytes as long as their stated length")
    }

    /// Where the bytes written by `Writer::bytes` are, skipping them.
    pub fn section(&mut self) -> Result<std::ops::Range<usize>, DecodeError> {
        let n = self.varint()? as usize;
        let start = self.at;
        self.take(n, "bytes as long as their stated length")?;
        Ok(start..self.at)
    }

    pub fn str(&mut self) -> Result<&'a str, DecodeError> {
        let at = self.at;
        let bytes = self.bytes()?;
        std::str::from_utf8(bytes).map_err(|_| DecodeError {
            file: self.file,
            offset: at,
            expected: "UTF-8 text",
        })
    }

    pub fn opt_str(&mut self) -> Result<Option<&'a str>, DecodeError> {
        let n = self.varint()? as usize;
        if n == 0 {
            return Ok(None);
        }
        let at = self.at;
        let bytes = self.take(n - 1, "text as long as its stated length")?;
        std::str::from_utf8(bytes)
            .map(Some)
            .map_err(|_| DecodeError {
                file: self.file,
                offset: at,
                expected: "UTF-8 text",
            })
    }

    pub fn u32s(&mut self) -> Result<Vec<u32>, DecodeError> {
        let n = self.count(1)?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(self.varint()?);
        }
        Ok(out)
    }

    /// Offsets written by `Writer::starts`, checked to end at `total`.
    pub fn starts(&mut self, total: usize) -> Result<Vec<u32>, DecodeError> {
        let out = self.starts_any()?;
        match out.last() {
            Some(&end) if end as usize == total => Ok(out),
            _ => Err(self.error("offsets that end at the end of their list")),
        }
    }

    /// Offsets written by `Writer::starts`: from 0, never decreasing.
    pub fn starts_any(&mut self) -> Result<Vec<u32>, DecodeError> {
        let n = self.count(1)?;
        let mut out = Vec::with_capacity(n);
        let mut last = 0u32;
        for _ in 0..n {
            last = last
                .checked_add(self.varint()?)
                .ok_or_else(|| self.error("offsets below 2^32"))?;
            out.push(last);
        }
        match out.first() {
            Some(0) => Ok(out),
            _ => Err(self.error("offsets that start at 0")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip() {
        let mut w = Writer::default();
        w.magic(b"TEST", 3);
        for n in [0, 1, 127, 128, 300, u32::MAX] {
            w.varint(n);
        }
        w.str("Bogotá");
        w.opt_str(None);
        w.opt_str(Some(""));
        w.starts(&[0, 2, 2, 7]);
        let mut r = Reader::new(&w.buf, "test.bin");
        r.magic(b"TEST", 3).unwrap();
        for n in [0, 1, 127, 128, 300, u32::MAX] {
            assert_eq!(r.varint().unwrap(), n);
        }
        assert_eq!(r.str().unwrap(), "Bogotá");
        assert_eq!(r.opt_str().unwrap(), None);
        assert_eq!(r.opt_str().unwrap(), Some(""));
        assert_eq!(r.starts(7).unwrap(), vec![0, 2, 2, 7]);
        r.done().unwrap();
    }

    #[test]
    fn checked_varints_read_what_the_writer_wrote() {
        let mut v = Vec::new();
        for n in [0, 1, 127, 128, 300, u32::MAX] {
            push_varint(&mut v, n);
        }
        let mut at = 0;
        for n in [0, 1, 127, 128, 300, u32::MAX] {
            assert_eq!(read_checked_varint(&v, &mut at), n);
        }
        assert_eq!(read_checked_varint(&v, &mut at), 0, "0 past the end");
        assert_eq!(read_checked_varint(&[0xFF], &mut 0), 0x7F);
    }

    #[test]
    fn any_damaged_byte_fails_the_checksum() {
        let mut w = Writer::default();
        w.magic(b"TEST", 1);
        w.str(&"some text that a flip could hide in ".repeat(20));
        let file = w.finish();
        let mut r = Reader::new(&file, "t.bin");
        r.magic(b"TEST", 1).unwrap();
        r.checksummed().unwrap();
        assert!(r.str().is_ok());
        r.done().unwrap();
        for at in 5..file.len() {
            for bit in [0x01, 0x80] {
                let mut bad = file.clone();
                bad[at] ^= bit;
                let mut r = Reader::new(&bad, "t.bin");
                r.magic(b"TEST", 1).unwrap();
                let e = r.checksummed().unwrap_err();
                assert_eq!((e.file, e.offset), ("t.bin", file.len() - 4), "byte {at}");
            }
        }
        for cut in [0, 3, 6, file.len() - 1] {
            let mut r = Reader::new(&file[..cut], "t.bin");
            let _ = r.magic(b"TEST", 1);
            assert!(r.checksummed().is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn damage_is_an_error_with_its_offset() {
        let mut r = Reader::new(b"XXXX\x01", "list.bin");
        let e = r.magic(b"DLLS", 1).unwrap_err();
        assert_eq!(e.offset, 0);
        assert_eq!(
            e.to_string(),
            "list.bin is damaged at byte 0: expected a Dateline packed file (wrong magic number)"
        );
        // A truncated varint, a count larger than the file, a bad UTF-8 string.
        assert_eq!(Reader::new(&[0x80], "f").varint().unwrap_err().offset, 1);
        assert!(Reader::new(&[0xFF, 0x01], "f").u32s().is_err());
        let e = Reader::new(&[2, 0xC3, 0x28], "f").str().unwrap_err();
        assert_eq!((e.offset, e.expected), (0, "UTF-8 text"));
        // Offsets must run from 0 to the stated total.
        let mut w = Writer::default();
        w.starts(&[0, 3]);
        assert!(Reader::new(&w.buf, "f").starts(4).is_err());
    }
}
