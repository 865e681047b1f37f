package store

import (
	"fmt"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// storePageSize is the page size of every store byline creates (the DSN's
// page_size), the largest a store of this program has.
const storePageSize = 16384

// ReserveBulkMemory gives SQLite, for this process, one block of memory for
// its page caches: the bulk writer's (bulkCacheKiB) and room for the other
// connections. It must run before the process opens its first store, and
// is for a process that imports (the bulk writer's).
//
// Without it each cached page is its own allocation from the C allocator
// that SQLite is translated with, and a page of 16 KiB with its headers is
// just too large for that allocator's size classes: every page is a mapping
// of its own, and freeing the bulk writer's 4,000 pages when the store is
// closed took 4,000 system calls, 0.2 to 0.4 s at the end of each import
// on this machine. From the block a page is taken and given back with no
// system call; what the block lacks SQLite still takes from the
// allocator. The block costs a first touch of one 4 KiB page per slot when
// SQLite starts (about 22 MB), which is why the reader does not reserve it.
//
// It returns an error, and changes nothing, when SQLite has already
// started in this process.
func ReserveBulkMemory() error {
	tls := libc.NewTLS()
	defer tls.Close()
	args := libc.Xmalloc(tls, 3*8)
	if args == 0 {
		return fmt.Errorf("reserve page cache: out of memory")
	}
	defer libc.Xfree(tls, args)
	// The size of the headers SQLite keeps with each page (asking is
	// allowed at any time), written to C memory.
	hdr := libc.Xmalloc(tls, 8)
	if hdr == 0 {
		return fmt.Errorf("reserve page cache: out of memory")
	}
	defer libc.Xfree(tls, hdr)
	extra := (*int32)(unsafe.Add(unsafe.Pointer(nil), hdr))
	*extra = 0
	rc := sqlite3.Xsqlite3_config(tls, sqlite3.SQLITE_CONFIG_PCACHE_HDRSZ, libc.VaList(args, hdr))
	if rc != sqlite3.SQLITE_OK || *extra <= 0 {
		return fmt.Errorf("reserve page cache: header size: sqlite error %d", rc)
	}
	slot := (storePageSize + int(*extra) + 7) &^ 7
	// SQLite counts itself short of memory once fewer than 10 slots are
	// free, and then recycles and spills pages instead of taking more:
	// room for the bulk writer and a dozen pool connections' default
	// caches (2 MB each).
	slots := bulkCacheKiB*1024/storePageSize + 1536
	// Never freed: SQLite uses it until the process ends.
	block := libc.Xmalloc(tls, libc.Tsize_t(slot*slots))
	if block == 0 {
		return fmt.Errorf("reserve page cache: out of memory for %d pages", slots)
	}
	if rc := sqlite3.Xsqlite3_config(tls, sqlite3.SQLITE_CONFIG_PAGECACHE, libc.VaList(args, block, int32(slot), int32(slots))); rc != sqlite3.SQLITE_OK {
		libc.Xfree(tls, block)
		return fmt.Errorf("reserve page cache: sqlite error %d (SQLite has started)", rc)
	}
	return nil
}
