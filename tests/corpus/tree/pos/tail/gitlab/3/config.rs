pub const GITLAB_DEPLOY_TOKEN: &str = "gldt-TaRHKxbwQdw-Qeh4dJZf";
