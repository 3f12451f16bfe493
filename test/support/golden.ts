/** Set `UPDATE_GOLDEN=1` to rewrite golden files instead of comparing with them. */
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1'
