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
	db, err := bolt.Open(filepath.Join(dir, sigFileName), 0o644, &bolt.Options{Timeout: timeout, NoFreelistSync: true})
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

func (s *sigFile) close() error { return s.db.Close() }

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
