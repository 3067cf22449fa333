package index_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/model"
)

func ExampleIndex_Search() {
	dir, _ := os.MkdirTemp("", "index-example")
	defer os.RemoveAll(dir)
	ix, err := index.Open(filepath.Join(dir, "index"), index.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ix.Close()
	models := []*model.Model{
		{ID: "raati", Title: "Vammaispalvelujen neuvonta", Summary: "Asiakasraadin jäsenet kommentoivat ohjeita.",
			Region: "Pohjois-Savon hyvinvointialue", Version: 1},
		{ID: "paja", Title: "Nuorten palvelupolku", Summary: "Nuoret ideoivat palvelua työpajoissa.",
			Region: "Lapin hyvinvointialue", Version: 1},
	}
	_, err = ix.Sync(context.Background(), func(yield func(*model.Model) error) error {
		for _, m := range models {
			if err := yield(m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range []string{"raati", "työpaja"} {
		res, err := ix.Search(context.Background(), index.Request{Query: q})
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, h := range res.Hits {
			fmt.Printf("%s: %s (%s): %s\n", q, h.Title, h.Region, h.Snippet.Plain("[", "]"))
		}
	}
	// Output:
	// raati: Vammaispalvelujen neuvonta (Pohjois-Savon hyvinvointialue): [Asiakasraadin] jäsenet kommentoivat ohjeita.
	// työpaja: Nuorten palvelupolku (Lapin hyvinvointialue): Nuoret ideoivat palvelua [työpajoissa].
}
