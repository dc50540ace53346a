pub const DEEPSEEK_API_KEY: &str = "sk-3dcd9e663c98deaa8a6c8e3c0808b906";
