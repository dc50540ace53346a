String uid = "f3ed666d-2f47-4bd4-a835-3f251408f214";
