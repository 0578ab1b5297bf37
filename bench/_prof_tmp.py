import cProfile, pstats, sys
from bench.corpus import make_corpus
from reader.articles import parse_article
corpus = make_corpus(1000, seed=5)
pr = cProfile.Profile(); pr.enable()
for i,t in corpus: parse_article(i,t)
pr.disable()
st = pstats.Stats(pr); st.sort_stats(sys.argv[1] if len(sys.argv) > 1 else 'tottime').print_stats(40)
