package crawler

import (
	"context"
	"fmt"

	"github.com/innokyla/innokyla/model"
)

// maxGroup is the most commits written in one transaction.
const maxGroup = 64

// committer writes the workers' commits through the frontier by group
// commit: a worker hands its commit over and waits until it is written;
// whatever other workers handed over while the previous group was being
// written goes into the next transaction with it. No commit waits for a
// timer and none is acknowledged before it is durable, so a crawl killed
// at any moment has written every model it counted and at most the pages
// in flight are fetched again; yet a crawl with --parallel 8 writes one
// transaction per several models, not one per model.
type committer struct {
	front model.Frontier
	site  string
	in    chan *pendingCommit
	done  chan struct{}
}

type pendingCommit struct {
	c     model.CrawlCommit
	reply chan commitReply
}

type commitReply struct {
	out model.CrawlOutcome
	err error
}

// startCommitter starts the goroutine writing commits; stop ends it.
func startCommitter(ctx context.Context, front model.Frontier, site string) *committer {
	w := &committer{front: front, site: site, in: make(chan *pendingCommit, maxGroup), done: make(chan struct{})}
	go w.loop(context.WithoutCancel(ctx))
	return w
}

// commit writes c and returns its outcome once it is written.
func (w *committer) commit(c model.CrawlCommit) (model.CrawlOutcome, error) {
	p := &pendingCommit{c: c, reply: make(chan commitReply, 1)}
	w.in <- p
	r := <-p.reply
	return r.out, r.err
}

// stop ends the goroutine after the commits handed over are written.
func (w *committer) stop() {
	close(w.in)
	<-w.done
}

func (w *committer) loop(ctx context.Context) {
	defer close(w.done)
	group := make([]*pendingCommit, 0, maxGroup)
	cs := make([]model.CrawlCommit, 0, maxGroup)
	for p := range w.in {
		group = append(group[:0], p)
	gather:
		for len(group) < maxGroup {
			select {
			case q, ok := <-w.in:
				if !ok {
					break gather
				}
				group = append(group, q)
			default:
				break gather
			}
		}
		cs = cs[:0]
		for _, q := range group {
			cs = append(cs, q.c)
		}
		outs, err := w.front.CommitCrawls(ctx, w.site, cs)
		if err == nil && len(outs) != len(cs) {
			err = fmt.Errorf("frontier returned %d outcomes for %d commits", len(outs), len(cs))
		}
		for i, q := range group {
			if err != nil {
				q.reply <- commitReply{err: err}
				continue
			}
			q.reply <- commitReply{out: outs[i]}
		}
		clear(cs) // drop the models written
	}
}
