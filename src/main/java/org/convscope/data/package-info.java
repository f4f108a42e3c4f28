/** data */
package org.convscope.data;
