export {
  BENCHMARK_METHOD,
  type BenchmarkCategory,
  type BenchmarkResult,
  compareWithBenchmark,
  type Polarity,
  wilsonInterval,
} from "./compare.ts";
