headers.put("upstream_key", "-Tr5f_-AJ@5+C%7_");
