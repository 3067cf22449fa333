package store

import (
	"context"
	"database/sql"
	"fmt"
)

// bulkMmap is the memory map a bulk reader or writer asks SQLite for;
// SQLite caps it at 2 GiB. Reading pages through the map instead of a
// read(2) per 4 KB page took classify at 100,000 models from 9.7 to 7.1
// CPU-seconds (the mapped pages are the kernel's page cache, not heap).
const bulkMmap = 2 << 30

// bulkConn takes a connection of its own with the database file mapped
// into memory, for a read or a write over the whole corpus. release
// unmaps it and gives the connection back to the pool.
func (s *Store) bulkConn(ctx context.Context) (c *sql.Conn, release func(), err error) {
	c, err = s.db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	if _, err := c.ExecContext(ctx, fmt.Sprintf("PRAGMA mmap_size = %d", bulkMmap)); err != nil {
		c.Close()
		return nil, nil, err
	}
	return c, func() {
		// A fresh context: the caller's may be cancelled by now, and the
		// connection must not go back to the pool still mapped.
		c.ExecContext(context.Background(), "PRAGMA mmap_size = 0")
		c.Close()
	}, nil
}

// populator has the page tables of the corpus's mapping filled in once, in
// a goroutine, as a bulk connection's first row is read: SQLite has mapped
// the file by then, and populateMap spares the reader a page fault for
// every page it touches, which took a third of classify's reader's time.
type populator struct{ done chan struct{} }

// start populates the mapping of path unless it has started already.
func (p *populator) start(path string) {
	if p.done == nil {
		p.done = make(chan struct{})
		go func() { populateMap(path); close(p.done) }()
	}
}

// wait waits for the populating, if any; call it before the connection's
// release unmaps the file.
func (p *populator) wait() {
	if p.done != nil {
		<-p.done
	}
}
