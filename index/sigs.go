package index

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// sigFile keeps the signature of every indexed model (see signature) in a
// bbolt file inside the index directory, so that Sync can tell what
// changed. They are not bleve internal values: scorch copies all of those
// into every new snapshot and writes all of them at every persist, which
// made building an index of N models cost N² and held gigabytes at a
// million models.
type sigFile struct {
	db *bolt.DB
}

const sigFileName = "innokyla-sigs.db"

var sigBucket = []byte("sigs")

func openSigs(dir string, timeout time.Duration) (*sigFile, error) {
	// NoSync: a commit does not wait for the disk. Sync commits a batch's
	// signatures from scorch's persister, once the batch is on disk, and
	// two fdatasyncs a commit there held up the persister (800 of them at
	// 100,000 models); writer.close syncs once instead. A process that
	// dies leaves its commits to the kernel; a machine that loses power
	// may lose the last signatures, and Sync then indexes those models
	// again.
	db, err := bolt.Open(filepath.Join(dir, sigFileName), 0o644, &bolt.Options{Timeout: timeout, NoFreelistSync: true, NoSync: true})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("%w (%v)", ErrLocked, err)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", sigFileName, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(sigBucket)
		return err
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", sigFileName, err)
	}
	return &sigFile{db: db}, nil
}

func (s *sigFile) close() error {
	if err := s.sync(); err != nil {
		s.db.Close()
		return err
	}
	return s.db.Close()
}

// sync writes what was committed to the disk.
func (s *sigFile) sync() error {
	if err := s.db.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", sigFileName, err)
	}
	return nil
}

// get returns the signature of id, "" when it is not indexed.
func (s *sigFile) get(id string) (string, error) {
	var sig string
	err := s.db.View(func(tx *bolt.Tx) error {
		sig = string(tx.Bucket(sigBucket).Get([]byte(id)))
		return nil
	})
	return sig, err
}

// apply stores the signatures in put and removes those of del, in one
// transaction.
func (s *sigFile) apply(put map[string]string, del []string) error {
	if len(put) == 0 && len(del) == 0 {
		return nil
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(sigBucket)
		for id, sig := range put {
			if err := b.Put([]byte(id), []byte(sig)); err != nil {
				return err
			}
		}
		for _, id := range del {
			if err := b.Delete([]byte(id)); err != nil {
				return err
			}
		}
		return nil
	})
}

// ids calls fn with every id that has a signature, in order.
func (s *sigFile) ids(fn func(id string) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(sigBucket).ForEach(func(k, _ []byte) error {
			return fn(string(k))
		})
	})
}

// clear removes every signature.
func (s *sigFile) clear() error {
	return s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(sigBucket); err != nil {
			return err
		}
		_, err := tx.CreateBucket(sigBucket)
		return err
	})
}
