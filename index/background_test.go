package index

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/innokyla/innokyla/model"
)

// A merger that stops (scorch recovers its panic and reports it to the
// callback) fails Sync with that error instead of leaving it waiting.
func TestSyncFailsWhenBackgroundFails(t *testing.T) {
	ix := buildIndex(t, nil)
	ox := buildIndex(t, nil)

	// As scorch's merger reports a recovered panic.
	scorch.RegistryAsyncErrorCallbacks[backgroundCallback](
		errors.New("source: merger, async panic error: index out of range"), storePath(ix.Path()))

	var ms []*model.Model
	for i := range 3 * batchSize {
		ms = append(ms, testModel(fmt.Sprintf("m%d", i), "Asiakasraati"))
	}
	_, err := ix.Sync(context.Background(), each(ms))
	if err == nil || !strings.Contains(err.Error(), "async panic error: index out of range") {
		t.Fatalf("Sync after a merger panic: %v, want the panic", err)
	}
	// Another index is not concerned.
	if _, err := ox.Sync(context.Background(), each(ms[:10])); err != nil {
		t.Fatalf("Sync of another index: %v", err)
	}
}
