/** Chinese messages for zod (the shared form schemas), loaded lazily by app/bootstrap.tsx. */
import { z } from 'zod';
import zodZhCN from 'zod/v4/locales/zh-CN.js';

z.config(zodZhCN());
