project_id = "e7b5651a-85cc-47c1-a4a9-3892a431f2b5"
