/** Documented parameter profiles for radio links of different eras. */
package io.radiolink.profile;
