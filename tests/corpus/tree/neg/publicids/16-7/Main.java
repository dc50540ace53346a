String gravatar_hash = "9ea78b83392e815cda0abc39e107e3ba";
