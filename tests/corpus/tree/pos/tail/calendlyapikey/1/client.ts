import { Client } from './client';

const calendlyapikeyPersonalAccessToken = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJQZkRSalVLVGo5Y2QiLCJpYXQiOjE3MDY5MjY4OTIsImp0aSI6IjcyY2RlZmZkLTNkOTgtNGRlMi1hMzVjLWY1NDMyNzhiZjMwMiIsInNjb3BlIjoiYXBpIn0.DWGkFJok5ghyX1Nv48J1FaFF0DRTp5Z2-drF_-LWvnA";
export const client = new Client({ key: calendlyapikeyPersonalAccessToken });
