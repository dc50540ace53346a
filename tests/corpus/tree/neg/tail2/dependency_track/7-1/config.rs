pub const DEPENDENCY_TRACK_PROJECT_UUID: &str = "b62f2740-cd4c-41d8-a43f-ccd90c9f5af8";
