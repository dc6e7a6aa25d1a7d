package data

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"

	"github.com/parlens/parlens/data/join"
)

// Options tune a load. The zero value finds sidecar files next to the data.
type Options struct {
	Components string    // components.csv path; "" = look next to the data
	Grades     string    // grades.csv path; "" = look next to the data
	Units      string    // units.csv path; "" = look next to the data
	Stdin      io.Reader // read for the path "-"
	MaxBytes   int64     // largest file accepted; 0 = DefaultMaxBytes
	MaxCells   int64     // most cells (rows × columns) in a data file; 0 = DefaultMaxCells
	MaxColumns int64     // most columns in a data file; 0 = DefaultMaxColumns
	Label      string    // dataset label shown with the data
	// Columns maps a role ("unit", "total", "component", "ignore"…; see
	// MappableRoles) to a header as written, matched without regard to
	// case or accents: --column ROLE="Header". It wins over recognition.
	Columns map[string]string
	// Sheet reads only the workbook sheet of that name (matched without
	// regard to case or accents), hidden or not: --sheet NAME.
	Sheet string
	// IgnoreMemory loads a file even when it looks too big for the memory
	// available (by default such a file fails early, with a message).
	IgnoreMemory bool
	// Lineage applies a shipped lineage by name (ShippedLineages), e.g.
	// "vn-provinces-2025": --lineage NAME.
	Lineage string
}

// DefaultMaxBytes guards against loading something that is not a table.
const DefaultMaxBytes = 1 << 30

// sidecar file names, recognised next to data files.
var sidecarNames = map[string]string{
	"components.csv": "components", "grades.csv": "grades", "units.csv": "units",
}

// Result is everything a load found: the dataset (complete only when there
// are no errors) and every problem, errors and warnings.
type Result struct {
	Dataset *Dataset
	Issues  []Issue
}

// Err returns a *LoadError when any problem is an error.
func (r *Result) Err() error {
	for _, i := range r.Issues {
		if i.Severity == Error {
			return &LoadError{Issues: r.Issues}
		}
	}
	return nil
}

// Errors counts the problems that are errors.
func (r *Result) Errors() int {
	n := 0
	for _, i := range r.Issues {
		if i.Severity == Error {
			n++
		}
	}
	return n
}

// Load reads files, directories or "-" (stdin) into one dataset. With errors
// in the input it returns no dataset and a *LoadError listing them all.
func Load(paths []string, opt Options) (*Dataset, error) {
	r := Read(paths, opt)
	if err := r.Err(); err != nil {
		return nil, err
	}
	return r.Dataset, nil
}

// LoadFS reads every data file in a directory of fsys (an embedded sample).
func LoadFS(fsys fs.FS, dir string, opt Options) (*Dataset, error) {
	r := ReadFS(fsys, dir, opt)
	if err := r.Err(); err != nil {
		return nil, err
	}
	return r.Dataset, nil
}

// input is one file to read, from disk, stdin or an embedded FS.
type input struct {
	name string
	dir  string // where to look for sidecars ("" = none)
	size int64  // -1 when unknown
	read func() ([]byte, error)
}

// Read is Load that also returns the problems and the partial dataset, for `check`.
func Read(paths []string, opt Options) *Result {
	var inputs []input
	var issues []Issue
	limit := maxBytes(opt)
	open := func(p string) (input, bool) { return osInput(p, limit) }
	for _, p := range paths {
		if p == "-" {
			in := opt.Stdin
			if in == nil {
				in = os.Stdin
			}
			inputs = append(inputs, input{name: "<stdin>", size: -1, read: func() ([]byte, error) {
				return readLimited(in, maxBytes(opt), 0)
			}})
			continue
		}
		found, err := expandPath(p, limit)
		if err != nil {
			issues = append(issues, Issue{Severity: Error, Pos: Pos{File: p}, Msg: cleanOSError(err), Hint: "check the path"})
			continue
		}
		inputs = append(inputs, found...)
	}
	guardInputs(inputs, opt)
	b := newBuilder(opt)
	b.issues = issues
	b.readSidecarFlags(opt, open)
	b.run(inputs, func(dir, name string) (input, bool) {
		return open(filepath.Join(dir, name))
	})
	return finish(b)
}

// finish settles the dataset and adds what needs it whole: the totals no
// grade scheme band takes.
func finish(b *builder) *Result {
	r := b.result()
	ungraded := ungradedIssues(r.Dataset)
	r.Issues = append(r.Issues, ungraded...)
	r.Dataset.Warnings = append(r.Dataset.Warnings, ungraded...)
	return r
}

// ReadFS is Read over a directory of an fs.FS.
func ReadFS(fsys fs.FS, dir string, opt Options) *Result {
	entries, err := fs.ReadDir(fsys, dir)
	b := newBuilder(opt)
	if err != nil {
		b.errorf(Pos{File: dir}, "", "%s", cleanOSError(err))
		return b.result()
	}
	limit := maxBytes(opt)
	var inputs []input
	for _, e := range entries {
		name := path.Join(dir, e.Name())
		if e.IsDir() || !isDataFileName(e.Name()) {
			continue
		}
		inputs = append(inputs, fsInput(fsys, name, dir, limit))
	}
	open := func(p string) (input, bool) {
		if _, err := fs.Stat(fsys, p); err != nil {
			return input{}, false
		}
		return fsInput(fsys, p, "", limit), true
	}
	guardInputs(inputs, opt)
	b.readSidecarFlags(opt, open)
	b.run(inputs, func(d, n string) (input, bool) { return open(path.Join(d, n)) })
	return finish(b)
}

// osInput is a file on disk. Its size is what it was when listed: the read
// itself stops past the limit, so a file that grows, a device (/dev/zero)
// or a pipe is refused once it has given limit+1 bytes.
func osInput(p string, limit int64) (input, bool) {
	st, err := os.Stat(p)
	if err != nil || st.IsDir() {
		return input{}, false
	}
	size := st.Size()
	if !st.Mode().IsRegular() {
		size = -1 // a device or pipe says nothing of what it will give
	}
	return input{name: p, dir: filepath.Dir(p), size: size, read: func() ([]byte, error) {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return readFile(f, limit)
	}}, true
}

// fsInput is a file of an fs.FS (an embedded sample), read as osInput is.
func fsInput(fsys fs.FS, p, dir string, limit int64) input {
	return input{name: p, dir: dir, size: -1, read: func() ([]byte, error) {
		f, err := fsys.Open(p)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return readFile(f, limit)
	}}
}

// readFile reads an open file, sizing the buffer by its size when it is a
// regular file.
func readFile(f fs.File, limit int64) ([]byte, error) {
	var hint int64
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		hint = st.Size()
	}
	if buf, read, err := readInParts(f, limit, hint); read {
		return buf, err
	}
	return readLimited(f, limit, hint)
}

// partReadBytes is the least size read in pieces on every core, and
// readPieceBytes a piece's.
const (
	partReadBytes  = 8 << 20
	readPieceBytes = 4 << 20
)

// readInParts reads a big regular file's size in pieces on every core, each
// with ReadAt, then reads on from there as readLimited would, so a file
// that grew meanwhile is read to its end. Most of a big read is the kernel
// clearing the buffer's fresh pages, which one core does at about 1 GB/s:
// 45 MB took 43 ms on one core and 26 on two. read = false, with f's
// offset unmoved, when the file is small or cannot be read so, or gave
// less than its size (it shrank): readLimited reads it from the start.
func readInParts(f fs.File, limit, size int64) (buf []byte, read bool, err error) {
	n := int64(min(runtime.GOMAXPROCS(0), 8))
	ra, isAt := f.(io.ReaderAt)
	seeker, isSeeker := f.(io.Seeker)
	if !isAt || !isSeeker || n < 2 || size < partReadBytes || size > limit {
		return nil, false, nil
	}
	buf = make([]byte, size, size+1) // +1: see readLimited
	_ = adviseHugePages(buf)
	// each core takes the next piece when done with one: two cores seldom
	// clear pages equally fast
	pieces := (size + readPieceBytes - 1) / readPieceBytes
	var short atomic.Bool
	var taken atomic.Int64
	var wg join.Group
	for range n {
		wg.Go(func() {
			for k := taken.Add(1) - 1; k < pieces; k = taken.Add(1) - 1 {
				from, to := k*size/pieces, (k+1)*size/pieces
				if got, _ := ra.ReadAt(buf[from:to], from); int64(got) != to-from {
					short.Store(true)
				}
			}
		})
	}
	wg.Wait()
	if short.Load() {
		return nil, false, nil
	}
	if _, err := seeker.Seek(size, io.SeekStart); err != nil {
		return nil, false, nil // ReadAt leaves the offset where it was
	}
	buf, err = readOn(f, limit, buf)
	return buf, true, err
}

// expandPath lists the data files a path names: the file itself, or every
// data file under a directory (sidecars excluded), in name order.
func expandPath(p string, limit int64) ([]input, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		in, _ := osInput(p, limit)
		return []input{in}, nil
	}
	var out []input
	err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if q != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if isDataFileName(d.Name()) {
			if in, ok := osInput(q, limit); ok {
				out = append(out, in)
			}
		}
		return nil
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("no data files (.csv, .tsv, .txt, .xlsx) in directory %s", p)
	}
	return out, err
}

func isDataFileName(name string) bool {
	if strings.HasPrefix(name, ".") {
		return false
	}
	if _, sidecar := sidecarNames[strings.ToLower(name)]; sidecar {
		return false
	}
	if strings.HasPrefix(name, "~$") {
		return false // the lock file Excel keeps beside an open workbook
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods":
		// .xls and .ods are read to be refused with what to save them as:
		// skipping them would leave their data out unsaid.
		return true
	}
	return false
}

func maxBytes(opt Options) int64 {
	if opt.MaxBytes > 0 {
		return opt.MaxBytes
	}
	return DefaultMaxBytes
}

// readLimited reads r to its end, but never more than limit+1 bytes: one
// byte past the limit is enough to refuse. sizeHint (the file's size when
// listed, 0 when unknown) sizes the buffer, so a regular file is read
// without growing it; a file that grew meanwhile grows it as needed.
func readLimited(r io.Reader, limit, sizeHint int64) ([]byte, error) {
	// +1: the read that finds the end needs room, or the buffer would grow for it
	buf := make([]byte, 0, min(sizeHint, limit)+1)
	_ = adviseHugePages(buf) // advice: a kernel that declines costs only speed
	return readOn(r, limit, buf)
}

// readOn appends the rest of r to buf, which holds what came before, and
// refuses the whole past limit bytes (see readLimited).
func readOn(r io.Reader, limit int64, buf []byte) ([]byte, error) {
	lr := io.LimitReader(r, limit+1-int64(len(buf)))
	for {
		if len(buf) == cap(buf) && int64(cap(buf)) <= limit {
			// double, up to limit+1: the buffers a pipe needs add up to
			// about twice what it gave
			grown := make([]byte, len(buf), min(max(2*int64(cap(buf)), 4096), limit+1))
			copy(grown, buf)
			buf = grown
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(buf)) > limit {
		return nil, errTooBig(limit)
	}
	return buf, nil
}

func errTooBig(limit int64) error {
	return fmt.Errorf("file is larger than the limit of %s; raise it with --max-bytes if the file is right", humanBytes(limit))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// cleanOSError drops Go's "open x:" prefix noise, keeping the reason.
func cleanOSError(err error) string {
	var pe *fs.PathError
	if ok := asPathError(err, &pe); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

func asPathError(err error, target **fs.PathError) bool {
	pe, ok := err.(*fs.PathError)
	if ok {
		*target = pe
	}
	return ok
}
