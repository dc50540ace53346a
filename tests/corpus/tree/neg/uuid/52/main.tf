  trace_id = "07f94836-1944-4f5d-abe7-d5f33137a472"
