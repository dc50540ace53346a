# TODO: remove the placeholder comment
TOKEN = "dop_v1_e5b5c8ff06eb242cdeb30d9ee2b46393c0b3a64466f2d942d1deedaf3bb2b090"
