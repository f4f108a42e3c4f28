/** app.common */
package org.convscope.app.common;
