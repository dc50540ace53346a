client_id = "cb05ee57-bb7b-49e9-93bf-a5172758e2ec"
