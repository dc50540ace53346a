region = "eu-central-1"
vagrantcloud_token = "qPQEgtERz1siHu.atlasv1.JbS-r2M4zYgOLyl7fo2DzqA-EWPX8AWWFj_900Bkq3WPEaojX-EYHSFeUD9Dbp-cbXb"
