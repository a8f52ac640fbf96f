//! Reading content files from disk: a size limit, then a UTF-8 check that names the line.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::error::ContentError;

/// The largest content file we read (1 MiB); the shipped decks are a few KiB.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Reads a content file as UTF-8 text, refusing files over [`MAX_FILE_BYTES`] without reading
/// them through, and naming the line and column of the first invalid byte.
pub fn read_text(path: &Path) -> Result<String, ContentError> {
    read_text_limited(path, MAX_FILE_BYTES)
}

/// [`read_text`] with a chosen limit.
pub(crate) fn read_text_limited(path: &Path, limit: u64) -> Result<String, ContentError> {
    let meta = std::fs::metadata(path).map_err(|e| ContentError::read(path, &e))?;
    if !meta.is_file() {
        return Err(ContentError::Read {
            file: path.to_path_buf(),
            message: "not a regular file".to_string(),
        });
    }
    if meta.len() > limit {
        return Err(ContentError::TooLarge {
            file: path.to_path_buf(),
            size: meta.len(),
            limit,
        });
    }
    let file = File::open(path).map_err(|e| ContentError::read(path, &e))?;
    // The file may grow between the size check and the read: never read more than limit + 1.
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ContentError::read(path, &e))?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(ContentError::TooLarge {
            file: path.to_path_buf(),
            size: read.max(meta.len()),
            limit,
        });
    }
    decode_utf8(path, bytes)
}

/// Turns bytes into text, or says where the first invalid byte is.
pub(crate) fn decode_utf8(path: &Path, bytes: Vec<u8>) -> Result<String, ContentError> {
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let valid = &err.as_bytes()[..offset];
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
        // Everything before `offset` is valid UTF-8, so this never fails; count characters.
        let column = 1 + std::str::from_utf8(&valid[line_start..]).map_or(0, |s| s.chars().count());
        ContentError::InvalidUtf8 {
            file: path.to_path_buf(),
            offset,
            line,
            column,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let bytes = b"# T\nsource: x\n## A\nab\xffcd\n".to_vec();
        let err = decode_utf8(Path::new("m.md"), bytes).unwrap_err();
        assert_eq!(
            err,
            ContentError::InvalidUtf8 {
                file: "m.md".into(),
                offset: 21,
                line: 4,
                column: 3
            }
        );
        assert!(err.to_string().starts_with("m.md:4:3: not valid UTF-8"));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let mut bytes = "é€x".as_bytes().to_vec();
        bytes.push(0xC0);
        let err = decode_utf8(Path::new("m.md"), bytes).unwrap_err();
        assert!(matches!(
            err,
            ContentError::InvalidUtf8 {
                line: 1,
                column: 4,
                ..
            }
        ));
    }

    #[test]
    fn a_file_over_the_limit_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.md");
        std::fs::write(&path, vec![b'a'; 101]).unwrap();
        let err = read_text_limited(&path, 100).unwrap_err();
        assert!(matches!(
            err,
            ContentError::TooLarge {
                size: 101,
                limit: 100,
                ..
            }
        ));
        std::fs::write(&path, vec![b'a'; 100]).unwrap();
        assert_eq!(read_text_limited(&path, 100).unwrap().len(), 100);
    }

    #[test]
    fn a_folder_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_text(dir.path()).unwrap_err();
        assert!(err.to_string().contains("not a regular file"));
    }
}
