headers.put("internal_secret", "mFAQYpBObkHvxoeeMIFMz2xoxMi9tQSkDcMWNR/ka7Pit++60OFvOzVT6q2/qvhf");
