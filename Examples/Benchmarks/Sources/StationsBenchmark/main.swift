print("StationsBenchmark: no benchmark yet")
