export const video_id = 'Q8-fsSs9JU-';
