package main

import (
	"context"
	"strings"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/region"
	"github.com/innokyla/innokyla/store"
	"github.com/spf13/cobra"
)

// maxCompletions bounds the model ids offered at once.
const maxCompletions = 200

// formats are the --format values per command.
var formats = map[string][]string{
	"report":  {"md", "csv", "json", "html"},
	"export":  {"jsonl", "csv", "qdpx"},
	"changes": {"md", "json"},
}

// flagValues are the values of flags that take one of a fixed set.
var flagValues = map[string][]string{
	"method":         model.MethodIDs,
	"phase":          model.PhaseIDs,
	"stage":          model.Stages,
	"described":      {"true", "false"},
	"group-by":       {"region", "project"},
	"lang":           {"fi", "en"},
	"coding":         {store.CodingMachine, store.CodingReviewed, store.CodingBest},
	"min-confidence": {"low", "medium", "high"},
	"accept":         append([]string{"none"}, model.MethodIDs...),
	"reject":         model.MethodIDs,
	"add":            model.MethodIDs,
}

// modelArgs are the commands whose argument is a stored model's id.
var modelArgs = map[string]bool{"explain": true, "review": true}

// addCompletions makes `innokyla completion bash|zsh|fish` complete the
// values of flags (formats, region names, method, phase and stage IDs) and
// model ids from the store of --data.
func addCompletions(root *cobra.Command, f *Factory) {
	cmds := []*cobra.Command{root}
	for i := 0; i < len(cmds); i++ {
		cmds = append(cmds, cmds[i].Commands()...)
	}
	for _, cmd := range cmds {
		fl := cmd.Flags()
		if vs, ok := formats[cmd.Name()]; ok && fl.Lookup("format") != nil {
			_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(vs, cobra.ShellCompDirectiveNoFileComp))
		}
		for name, vs := range flagValues {
			if fl.Lookup(name) != nil {
				_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(vs, cobra.ShellCompDirectiveNoFileComp))
			}
		}
		if fl.Lookup("region") != nil {
			_ = cmd.RegisterFlagCompletionFunc("region", completeRegion)
		}
		if fl.Lookup("url") != nil {
			_ = cmd.RegisterFlagCompletionFunc("url", completeModel(f))
		}
		if modelArgs[cmd.Name()] {
			cmd.ValidArgsFunction = func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
				if len(args) > 0 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return completeModel(f)(c, args, toComplete)
			}
		}
	}
}

// completeRegion offers the region names that begin with what was typed,
// ignoring case and the dots on ä and ö.
func completeRegion(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	k := region.Key(toComplete)
	var out []string
	for _, name := range region.Canonical {
		if strings.HasPrefix(region.Key(name), k) {
			out = append(out, name)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeModel offers the ids of stored models that begin with what was
// typed; without a corpus, nothing.
func completeModel(f *Factory) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(c *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		ctx := c.Context()
		if ctx == nil {
			ctx = context.Background()
		}
		st, err := f.Store(ctx)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		ids, err := st.IDs(ctx, toComplete, maxCompletions)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	}
}
