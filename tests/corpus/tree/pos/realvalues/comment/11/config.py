# TODO: remove the placeholder comment
TOKEN = "dop_v1_46d91ef0b4ee3080820ea01d7cd7f2d60561b503b42234e0d93b148fc742a4ea"
