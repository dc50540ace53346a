  workspace_id = "1ecf9ec3-cc55-4b95-8dce-2d6ec1727b6a"
