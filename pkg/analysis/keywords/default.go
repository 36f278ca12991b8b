package keywords

import (
	"sync"

	"zhpolicy/pkg/analysis/entities"
	"zhpolicy/pkg/idf"
)

// DefaultNames is what rankings do with names unless asked otherwise:
// chosen by measurement (bench/RESULTS.md, section Keywords).
const DefaultNames = NamesApart

var defaultEntities = sync.OnceValue(func() *entities.Extractor { return entities.New(nil) })

// Default returns the keyword options that `keywords`, `analyze` and
// `report` share, so that the three never rank one corpus two ways: TF-IDF
// against the built-in policy background combined with the general IDF
// table, names of places, organisations and people tagged and ranked apart
// (DefaultNames).
func Default() (Options, error) {
	// the entity recogniser's tables and the background are built at the
	// same time (each is about half of the start-up of a keywords run)
	ents := make(chan *entities.Extractor, 1)
	go func() { ents <- defaultEntities() }()
	general, err := idf.Default()
	if err != nil {
		return Options{}, err
	}
	bg, err := BuiltinBackground()
	if err != nil {
		return Options{}, err
	}
	return Options{Method: TFIDF, IDF: bg.IDF(general), Entities: <-ents, Names: DefaultNames}, nil
}
