const api = new Api({ analyticsKey: "Ih71UcMYtK5SivoLqfQLqkNBb/WJdXTh3C26cO1E" });
