/** app.sharing */
package org.convscope.app.sharing;
