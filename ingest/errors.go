package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The reasons an article file is refused. They are sentinels so that a caller
// importing a folder can count or group failures with errors.Is while the
// user still sees the one-line message of the wrapping *FileError.
var (
	// ErrEmpty means the file holds no readable text: zero bytes, only
	// whitespace, or only control characters that sanitising removes.
	ErrEmpty = errors.New("empty file")
	// ErrBinary means the file looks like binary data (NUL bytes or many
	// control bytes near the start), so parsing it would only produce noise.
	ErrBinary = errors.New("binary file, not an article")
	// ErrTooLarge means the file is bigger than MaxFileSize. No article is
	// that long; the limit keeps one stray file from eating memory.
	ErrTooLarge = errors.New("over the 10 MB limit")
)

// FileError is the error for one article file. Its message is a single line,
// "path: what was wrong", because a folder import prints one per bad file.
type FileError struct {
	Path   string // the file, as the caller named it
	Err    error  // a sentinel above or an error from the file system
	Detail string // replaces Err's text in the message when set
}

// Error returns "path: problem" on one line. A path that could disturb the
// terminal or span lines is quoted instead of printed raw.
func (e *FileError) Error() string {
	msg := e.Detail
	if msg == "" {
		msg = errText(e.Err)
	}
	return displayPath(e.Path) + ": " + oneLine(msg)
}

// Unwrap exposes the cause, so errors.Is(err, ErrEmpty) and
// errors.Is(err, fs.ErrNotExist) work.
func (e *FileError) Unwrap() error { return e.Err }

// errText drops the operation and path that *fs.PathError repeats, since
// FileError already leads with the path.
func errText(err error) string {
	if err == nil {
		return "unknown error"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Err != nil {
		return pe.Err.Error()
	}
	return err.Error()
}

// fileError builds the error for path with a sentinel and optional detail.
func fileError(path string, err error, detail string) error {
	return &FileError{Path: path, Err: err, Detail: detail}
}

// tooLarge reports size against the limit, rounding up so a file one byte
// over never reads as "10.0 MB, over the 10 MB limit".
func tooLarge(path string, size int64) error {
	const mb = 1 << 20
	tenths := (size*10 + mb - 1) / mb
	detail := fmt.Sprintf("%d.%d MB, over the %d MB limit", tenths/10, tenths%10, MaxFileSize/mb)
	return fileError(path, ErrTooLarge, detail)
}

// displayPath returns p unchanged when it is plain printable text, and Go-quoted
// otherwise: a file name is as untrusted as the file's content.
func displayPath(p string) string {
	if !utf8.ValidString(p) {
		return strconv.Quote(p)
	}
	for _, r := range p {
		if !unicode.IsPrint(r) && r != ' ' {
			return strconv.Quote(p)
		}
	}
	return p
}

// oneLine keeps messages from the file system on a single line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
