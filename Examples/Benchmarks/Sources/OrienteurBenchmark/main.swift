print("OrienteurBenchmark: no benchmark yet")
