# Conclave: the commands a newcomer uses. Meson + Ninja do the building.
#   make run     install what is missing, build, start conclaved on the embedded defaults
#   make check   install, sanitizer build (ASan+UBSan), run every test: "N passed, M failed"
#   make bench   optimised build, run the benchmarks (ratios against same-run references)
#   make fuzz    libFuzzer build (clang), run every fuzz target for FUZZ_SECONDS each
#   make format  clang-format every C file

BUILD      ?= build
ASAN_BUILD ?= build-asan
BENCH_BUILD ?= build-bench
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 30
DATA       ?= ./var
PORT       ?= 8443
MESON_TEST_ARGS ?=

.PHONY: all deps build run check bench fuzz format clean

all: build

deps:
	@tools/deps.sh

$(BUILD)/build.ninja:
	meson setup $(BUILD) --buildtype=debugoptimized -Dtests=false

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)

run: build
	$(BUILD)/server/conclaved --server.data_dir=$(DATA) --server.port=$(PORT)

$(ASAN_BUILD)/build.ninja:
	meson setup $(ASAN_BUILD) --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false

check: deps $(ASAN_BUILD)/build.ninja
	ninja -C $(ASAN_BUILD)
	@rm -f $(ASAN_BUILD)/meson-logs/testlog.json
	-meson test -C $(ASAN_BUILD) --print-errorlogs --num-processes 2 $(MESON_TEST_ARGS)
	@tools/test-summary $(ASAN_BUILD)/meson-logs/testlog.json

$(BENCH_BUILD)/build.ninja:
	meson setup $(BENCH_BUILD) --buildtype=release -Dtests=false

bench: deps $(BENCH_BUILD)/build.ninja
	ninja -C $(BENCH_BUILD)
	@tools/run-benches $(BENCH_BUILD)

$(FUZZ_BUILD)/build.ninja:
	CC=clang meson setup $(FUZZ_BUILD) --buildtype=debug -Dfuzzing=true -Dtests=false \
	    -Db_sanitize=address,undefined -Db_lundef=false

fuzz: deps $(FUZZ_BUILD)/build.ninja
	ninja -C $(FUZZ_BUILD)
	@tools/run-fuzz $(FUZZ_BUILD) $(FUZZ_SECONDS)

format:
	git ls-files '*.c' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(BENCH_BUILD) $(FUZZ_BUILD)
