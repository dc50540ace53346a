headers.put("service_secret", "gfWsyrXE327nS366JBePw8YotWJ6k8gKbGfxUJ");
