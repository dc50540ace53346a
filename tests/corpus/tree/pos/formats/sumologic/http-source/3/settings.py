import os

DEBUG = False
SUMO_HTTP_SOURCE = "https://endpoint3.collection.us2.sumologic.com/receiver/v1/http/p1-1jHpu0KmcgSsm_9LANaslguyK6RcLzlTNEsQ2uGmPBvQJeoWD3cC4NKgikC4Miau_pKnU_Gx3zLn2p4KoanYA50CjfBhSRpGPoXmwbYB3XQSv5aGc17JinHh_pPMjVpWxCK1NjEys7VcrkBbptl=="
TIMEOUT = 51
