trace_id = "fb18f77b-5564-4a0a-88ca-d3fcc1dcadb2"
